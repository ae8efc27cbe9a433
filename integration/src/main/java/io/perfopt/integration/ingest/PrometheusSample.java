package io.perfopt.integration.ingest;

import io.perfopt.api.Require;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One sample line of a Prometheus scrape. The value is kept as written, NaN and the infinities
 * included: whether such a value is usable is for the mapping to decide.
 *
 * @param series          the series the sample belongs to
 * @param value           the sample value
 * @param timestampMillis the explicit timestamp of the line, in ms since the epoch, when it has one
 */
public record PrometheusSample(SeriesId series, double value, OptionalLong timestampMillis) {

    public PrometheusSample {
        Require.notNull("series", series);
        Require.notNull("timestampMillis", timestampMillis);
    }

    /** A sample without an explicit timestamp. */
    public static PrometheusSample of(String name, Map<String, String> labels, double value) {
        return new PrometheusSample(new SeriesId(name, labels), value, OptionalLong.empty());
    }

    /** The series name. */
    public String name() {
        return series.name();
    }

    /** The series labels. */
    public Map<String, String> labels() {
        return series.labels();
    }

    /** The value of one label, or null when the series does not carry it. */
    public String label(String labelName) {
        return series.labels().get(labelName);
    }
}

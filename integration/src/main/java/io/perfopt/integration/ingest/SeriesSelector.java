package io.perfopt.integration.ingest;

import io.perfopt.api.Require;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Picks series out of a scrape, as a PromQL selector with equality matchers does: a series is
 * selected when it has this name and carries each of these labels with exactly this value
 * (other labels may be anything).
 *
 * @param name   the series name
 * @param labels the labels required, possibly none
 */
public record SeriesSelector(String name, Map<String, String> labels) {

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    public SeriesSelector {
        Require.notBlank("series name", name);
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("series name \"" + name + "\" is not a Prometheus metric name "
                    + "([a-zA-Z_:][a-zA-Z0-9_:]*)");
        }
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        labels.keySet().forEach(SeriesSelector::checkLabelName);
    }

    /** Throws unless {@code label} is a valid Prometheus label name. */
    public static String checkLabelName(String label) {
        if (label == null || !LABEL_NAME.matcher(label).matches()) {
            throw new IllegalArgumentException("label name \"" + label + "\" is not a Prometheus label name "
                    + "([a-zA-Z_][a-zA-Z0-9_]*)");
        }
        return label;
    }

    /** All series of that name. */
    public static SeriesSelector of(String name) {
        return new SeriesSelector(name, Map.of());
    }

    /** Whether the sample belongs to a selected series. */
    public boolean matches(PrometheusSample sample) {
        return sample.name().equals(name)
                && labels.entrySet().stream().allMatch(e -> e.getValue().equals(sample.label(e.getKey())));
    }

    /** The same label matchers on another series name, e.g. {@code x_bucket} for histogram {@code x}. */
    public SeriesSelector withName(String otherName) {
        return new SeriesSelector(otherName, labels);
    }

    @Override
    public String toString() {
        return new SeriesId(name, labels).toString();
    }
}

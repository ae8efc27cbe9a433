package io.perfopt.integration.ingest;

import io.perfopt.api.Require;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How one perfopt metric is computed from a Prometheus scrape. Each kind reads series the way
 * the PromQL expression in its description would:
 *
 * <ul>
 *   <li>{@link Value}: a gauge (or any single series) as it is — {@code x{labels}}</li>
 *   <li>{@link SummaryQuantile}: one quantile of a summary — {@code x{quantile="0.95"}}</li>
 *   <li>{@link HistogramQuantile}: a quantile of the observations since the previous scrape —
 *       {@code histogram_quantile(q, sum by (le) (increase(x_bucket[Δt])))}</li>
 *   <li>{@link Rate}: events per second of a counter — {@code sum(rate(x[Δt]))}</li>
 *   <li>{@link Ratio}: ratio of two counters' increases —
 *       {@code increase(a) / increase(b)}, or {@code 1 − increase(a) / increase(b)} as a
 *       complement (success rate from failures and requests)</li>
 * </ul>
 *
 * Histograms are read as increases rather than all-time counts because perfopt judges changes:
 * an all-time quantile barely moves after a knob change, the quantile of the last interval does.
 * The result is multiplied by {@code scale} (e.g. 1000 for a histogram in seconds feeding a
 * metric in ms).
 */
public sealed interface MappingRule {

    /** The perfopt metric this rule produces, e.g. {@code responseTimeMs}. */
    String metric();

    /** Factor applied to the value, 1 for none. */
    double scale();

    /** The value of the metric in this scrape, or why there is none. */
    RuleOutcome evaluate(ScrapeWindow window);

    /** The counter series this rule reads increases of; the converter keeps their values between scrapes. */
    default List<SeriesSelector> counters() {
        return List.of();
    }

    /** A single series' value as it is. */
    record Value(String metric, SeriesSelector series, double scale) implements MappingRule {
        public Value {
            checkCommon(metric, scale);
            Require.notNull("series of " + metric, series);
        }

        @Override
        public RuleOutcome evaluate(ScrapeWindow window) {
            return single(window.matching(series), series.toString());
        }
    }

    /** One quantile of a summary. */
    record SummaryQuantile(String metric, SeriesSelector series, double quantile, double scale) implements MappingRule {
        public SummaryQuantile {
            checkCommon(metric, scale);
            Require.notNull("series of " + metric, series);
            Require.between("quantile of " + metric, quantile, 0, 1);
        }

        @Override
        public RuleOutcome evaluate(ScrapeWindow window) {
            List<PrometheusSample> samples = window.matching(series).stream()
                    .filter(s -> SampleLineReader.numericLabel(s, "quantile").orElse(Double.NaN) == quantile)
                    .toList();
            return single(samples, series + " quantile " + Require.plain(quantile));
        }
    }

    /** A quantile estimated from a histogram's buckets, over the observations since the previous scrape. */
    record HistogramQuantile(String metric, SeriesSelector series, double quantile, double scale)
            implements MappingRule {
        public HistogramQuantile {
            checkCommon(metric, scale);
            Require.notNull("series of " + metric, series);
            Require.between("histogram quantile of " + metric, quantile, 0, 1);
        }

        @Override
        public List<SeriesSelector> counters() {
            return List.of(buckets());
        }

        @Override
        public RuleOutcome evaluate(ScrapeWindow window) {
            RuleOutcome pending = pending(window, buckets());
            if (pending != null) {
                return pending;
            }
            try {
                Map<Double, Double> cumulative = new HashMap<>();
                window.increaseByLabel(buckets(), "le").forEach(
                        (le, increase) -> cumulative.merge(SampleLineReader.parseValue(le), increase, Double::sum));
                double value = BucketQuantile.estimate(quantile, cumulative);
                return Double.isNaN(value)
                        ? RuleOutcome.skipped("no observations in " + buckets() + " since the previous scrape")
                        : RuleOutcome.value(value);
            } catch (IllegalArgumentException e) {
                // a bucket bound that is not a number, or no +Inf bucket: no estimate is possible
                return RuleOutcome.rejected(buckets() + ": " + e.getMessage());
            }
        }

        private SeriesSelector buckets() {
            return series.withName(series.name() + "_bucket");
        }
    }

    /** Per-second rate of a counter, summed over the selected series. */
    record Rate(String metric, SeriesSelector series, double scale) implements MappingRule {
        public Rate {
            checkCommon(metric, scale);
            Require.notNull("series of " + metric, series);
        }

        @Override
        public List<SeriesSelector> counters() {
            return List.of(series);
        }

        @Override
        public RuleOutcome evaluate(ScrapeWindow window) {
            RuleOutcome pending = pending(window, series);
            if (pending != null) {
                return pending;
            }
            OptionalDouble increase = window.increase(series);
            if (increase.isEmpty()) {
                return RuleOutcome.skipped(series + " has no earlier value to compute a rate from");
            }
            return RuleOutcome.value(increase.getAsDouble() / window.secondsSincePrevious());
        }
    }

    /** Ratio of the increases of two counters, or its complement to 1. */
    record Ratio(String metric, SeriesSelector numerator, SeriesSelector denominator, boolean complement,
                 double scale) implements MappingRule {
        public Ratio {
            checkCommon(metric, scale);
            Require.notNull("numerator of " + metric, numerator);
            Require.notNull("denominator of " + metric, denominator);
        }

        @Override
        public List<SeriesSelector> counters() {
            return List.of(numerator, denominator);
        }

        @Override
        public RuleOutcome evaluate(ScrapeWindow window) {
            RuleOutcome pending = pending(window, denominator);
            if (pending != null) {
                return pending;
            }
            OptionalDouble over = window.increase(denominator);
            if (over.isEmpty() || over.getAsDouble() == 0) {
                return RuleOutcome.skipped(denominator + " did not increase since the previous scrape");
            }
            // No numerator series yet means no such events were counted (e.g. no failure ever happened).
            double under = window.increase(numerator).orElse(0);
            double ratio = under / over.getAsDouble();
            return RuleOutcome.value(complement ? 1 - ratio : ratio);
        }
    }

    private static void checkCommon(String metric, double scale) {
        Require.notBlank("metric", metric);
        Require.finite("scale of " + metric, scale);
        if (scale == 0) {
            throw new IllegalArgumentException("scale of " + metric + " must not be 0");
        }
    }

    /** Why a rule reading increases of {@code series} has no value yet, or null when it can compute one. */
    private static RuleOutcome pending(ScrapeWindow window, SeriesSelector series) {
        if (window.matching(series).isEmpty()) {
            return RuleOutcome.skipped("no series " + series + " in the scrape");
        }
        if (!window.hasPrevious()) {
            return RuleOutcome.skipped("first scrape; " + series + " needs a second one for an increase");
        }
        if (window.secondsSincePrevious() <= 0) {
            return RuleOutcome.skipped("no time passed since the previous scrape");
        }
        return null;
    }

    private static RuleOutcome single(List<PrometheusSample> samples, String what) {
        if (samples.isEmpty()) {
            return RuleOutcome.skipped("no series " + what + " in the scrape");
        }
        if (samples.size() > 1) {
            return RuleOutcome.rejected(samples.size() + " series match " + what + " ("
                    + samples.stream().map(s -> s.series().toString()).toList() + "); add labels to pick one");
        }
        return RuleOutcome.value(samples.get(0).value());
    }
}

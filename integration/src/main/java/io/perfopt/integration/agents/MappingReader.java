package io.perfopt.integration.agents;

import io.perfopt.integration.ingest.MappingRule;
import io.perfopt.integration.ingest.PrometheusMapping;
import io.perfopt.integration.ingest.SeriesSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code mapping} list of a prometheus metrics source. Each entry names the perfopt
 * {@code metric} and exactly one way to compute it:
 *
 * <pre>
 * - metric: cpu                         # a gauge as it is
 *   from: agent_cpu_ratio
 * - metric: responseTimeMs              # a summary quantile
 *   from: agent_response_time_ms
 *   quantile: "0.95"
 * - metric: messageLatencyMs            # a histogram quantile, here from seconds to ms
 *   from: agent_message_latency_seconds
 *   histogramQuantile: 0.95
 *   scale: 1000
 * - metric: decisionCount               # per-second rate of a counter
 *   from: agent_decisions_total
 *   rate: true
 * - metric: successRate                 # 1 − Δfailed / Δrequests
 *   ratio: {numerator: agent_requests_failed_total, denominator: agent_requests_total, complement: true}
 * </pre>
 *
 * Every entry may add {@code labels: {name: value}} to select series, and {@code scale}.
 */
final class MappingReader {

    private static final String[] KINDS = {"quantile", "histogramQuantile", "rate"};

    private final Problems problems;

    MappingReader(Problems problems) {
        this.problems = problems;
    }

    /** The mapping under {@code metrics.mapping}, or null when it has problems. */
    PrometheusMapping read(Fields metrics) {
        YamlNode node = metrics.node("mapping");
        if (!(node instanceof YamlNode.Sequence rules)) {
            metrics.problem("mapping", "expected a list of rules, got " + node.describe());
            return null;
        }
        if (rules.items().isEmpty()) {
            metrics.problem("mapping", "lists no rules; leave it out to use the default mapping");
            return null;
        }
        int before = problems.count();
        Map<String, Position> targets = new HashMap<>();
        List<MappingRule> read = new ArrayList<>();
        for (int i = 0; i < rules.items().size(); i++) {
            Fields rule = Fields.of(rules.items().get(i), metrics.path("mapping") + "[" + i + "]", problems,
                    "a rule (a mapping with metric, from, ...)");
            if (rule == null) {
                continue;
            }
            String metric = rule.string("metric");
            Position first = metric == null ? null : targets.putIfAbsent(metric, rule.at("metric"));
            if (first != null) {
                rule.problem("metric", metric + " is mapped twice; first at line " + first.line());
            }
            MappingRule parsed = rule(rule);
            if (parsed != null) {
                read.add(parsed);
            }
        }
        return problems.count() > before ? null : new PrometheusMapping(read);
    }

    private MappingRule rule(Fields rule) {
        int before = problems.count();
        rule.allowOnly("metric", "from", "quantile", "histogramQuantile", "rate", "ratio", "labels", "scale");
        String metric = rule.requiredString("metric");
        Map<String, String> labels = labels(rule);
        Double scale = rule.has("scale") ? rule.number("scale") : Double.valueOf(1);
        if (scale != null && (scale == 0 || !Double.isFinite(scale))) {
            rule.problem("scale", "must be a finite number other than 0");
        }
        List<String> kinds = java.util.Arrays.stream(KINDS).filter(rule::has).toList();
        MappingRule built;
        if (rule.has("ratio")) {
            if (rule.has("from") || !kinds.isEmpty()) {
                rule.problem("ratio", "a ratio takes no from, quantile, histogramQuantile or rate");
            }
            built = ratio(rule, metric, labels, scale);
        } else if (!rule.has("from")) {
            rule.missing("from");
            return null;
        } else if (kinds.size() > 1) {
            rule.problem(kinds.get(1), "use only one of quantile, histogramQuantile and rate");
            return null;
        } else {
            built = single(rule, metric, labels, scale, kinds.isEmpty() ? "" : kinds.get(0));
        }
        return problems.count() > before ? null : built;
    }

    private MappingRule single(Fields rule, String metric, Map<String, String> labels, Double scale, String kind) {
        SeriesSelector series = selector(rule, "from", labels);
        Double quantile = kind.endsWith("uantile") ? quantile(rule, kind) : null;
        Boolean rate = kind.equals("rate") ? rule.bool("rate") : Boolean.FALSE;
        if (metric == null || series == null || scale == null || rate == null
                || kind.endsWith("uantile") && quantile == null) {
            return null;
        }
        return switch (kind) {
            case "quantile" -> new MappingRule.SummaryQuantile(metric, series, quantile, scale);
            case "histogramQuantile" -> new MappingRule.HistogramQuantile(metric, series, quantile, scale);
            default -> rate ? new MappingRule.Rate(metric, series, scale) : new MappingRule.Value(metric, series, scale);
        };
    }

    private MappingRule ratio(Fields rule, String metric, Map<String, String> labels, Double scale) {
        Fields ratio = rule.object("ratio", "a mapping with numerator, denominator and complement");
        if (ratio == null) {
            return null;
        }
        ratio.allowOnly("numerator", "denominator", "complement");
        if (!ratio.has("numerator")) {
            ratio.missing("numerator");
        }
        if (!ratio.has("denominator")) {
            ratio.missing("denominator");
        }
        SeriesSelector numerator = selector(ratio, "numerator", labels);
        SeriesSelector denominator = selector(ratio, "denominator", labels);
        Boolean complement = ratio.has("complement") ? ratio.bool("complement") : Boolean.FALSE;
        if (metric == null || numerator == null || denominator == null || complement == null || scale == null) {
            return null;
        }
        return new MappingRule.Ratio(metric, numerator, denominator, complement, scale);
    }

    private static SeriesSelector selector(Fields fields, String key, Map<String, String> labels) {
        return labels == null ? null : fields.convert(key, name -> new SeriesSelector(name, labels));
    }

    private static Double quantile(Fields rule, String key) {
        Double value = Fields.numberOf(rule.node(key));
        if (value == null) {
            value = rule.convert(key, text -> {
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("expected a quantile between 0 and 1, got \"" + text + "\"", e);
                }
            });
        }
        if (value != null && !(value >= 0 && value <= 1)) {
            rule.problem(key, "expected a quantile between 0 and 1, got " + value);
            return null;
        }
        return value;
    }

    private static Map<String, String> labels(Fields rule) {
        Fields labels = rule.object("labels", "a mapping of label name to value");
        if (labels == null) {
            return rule.has("labels") ? null : Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        boolean valid = true;
        for (YamlNode.Mapping.Entry entry : labels.entries()) {
            String value = labels.string(entry.key());
            try {
                SeriesSelector.checkLabelName(entry.key());
            } catch (IllegalArgumentException e) {
                labels.problem(entry.key(), e.getMessage());
                valid = false;
            }
            if (value == null) {
                if (!labels.has(entry.key())) {
                    labels.problem(entry.key(), "expected a label value, got nothing");
                }
                valid = false;
            }
            values.put(entry.key(), value);
        }
        return valid ? values : null;
    }
}

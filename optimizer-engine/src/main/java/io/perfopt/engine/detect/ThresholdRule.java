package io.perfopt.engine.detect;

import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.Severity;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/**
 * The seed design's rule for each threshold-based bottleneck: which way is bad, when it is
 * breached, when it has recovered, and its severity and impact. Reactive detection and trend
 * forecasting share these, so a forecast breach means exactly what an observed one does.
 *
 * <pre>
 *   bottleneck      breached when           severity                         impact (percent)
 *   RESPONSE_TIME   rt    &gt; threshold        HIGH                             (rt - threshold) / threshold * 100
 *   SUCCESS_RATE    rate  &lt; threshold        MEDIUM; CRITICAL below critical  (threshold - rate) * 100
 *   COORDINATION    score &lt; threshold        MEDIUM                           (threshold - score) * 50
 *   SYSTEM_SCORE    score &lt; threshold        HIGH;   CRITICAL below critical  (threshold - score) * 100
 * </pre>
 *
 * Impact is never negative: a value on the good side of its threshold (a bottleneck recovering
 * inside its hysteresis band) has impact 0.
 *
 * <p>Hysteresis: a breached metric counts as recovered only past a clear level on the good side
 * of the threshold. For response time (unbounded, bad when high) the band is relative to the
 * threshold: {@code clear = threshold * (1 - h)}, 1800 ms for 2000 ms and h = 0.10. For the
 * ratios (bounded by 1, bad when low) it is a share of the headroom left above the threshold:
 * {@code clear = threshold + h * (1 - threshold)}, 0.73 for 0.70. The headroom form always
 * stays reachable (it never exceeds 1, as {@code threshold * (1 + h)} would for thresholds above
 * 0.9) and shrinks to the threshold itself for h = 0.
 */
public enum ThresholdRule {

    RESPONSE_TIME(BottleneckType.RESPONSE_TIME, "response time", true,
            "lower the agent's load per worker: more concurrency or cache, smaller batches, shorter timeouts"),
    SUCCESS_RATE(BottleneckType.SUCCESS_RATE, "success rate", false,
            "review what makes decisions fail: retries, timeouts, model or strategy settings"),
    COORDINATION(BottleneckType.COORDINATION, "coordination score", false,
            "coordination enhancement: tune message batching, consensus timeouts and coordination interval"),
    SYSTEM_SCORE(BottleneckType.SYSTEM_SCORE, "system score", false,
            "address the agents with the lowest health first");

    private static final List<ThresholdRule> AGENT_RULES = List.of(RESPONSE_TIME, SUCCESS_RATE, COORDINATION);

    private final BottleneckType type;
    private final String label;
    private final boolean higherIsWorse;
    private final String suggestedFix;

    ThresholdRule(BottleneckType type, String label, boolean higherIsWorse, String suggestedFix) {
        this.type = type;
        this.label = label;
        this.higherIsWorse = higherIsWorse;
        this.suggestedFix = suggestedFix;
    }

    /** The rules evaluated per agent (all but the fleet-wide system score), in report order. */
    public static List<ThresholdRule> agentRules() {
        return AGENT_RULES;
    }

    public BottleneckType type() {
        return type;
    }

    /** The metric the rule reads: {@code responseTimeMs}, {@code successRate}, ... */
    public String metric() {
        return type.metric();
    }

    /** True when larger values are worse (response time), false when smaller are (the ratios). */
    public boolean higherIsWorse() {
        return higherIsWorse;
    }

    public double threshold(Thresholds thresholds) {
        return switch (this) {
            case RESPONSE_TIME -> thresholds.responseTimeMs();
            case SUCCESS_RATE -> thresholds.successRate();
            case COORDINATION -> thresholds.coordinationScore();
            case SYSTEM_SCORE -> thresholds.systemScore();
        };
    }

    /** Whether {@code value} is on the bad side of the threshold (strictly). */
    public boolean breached(double value, Thresholds thresholds) {
        double threshold = threshold(thresholds);
        return higherIsWorse ? value > threshold : value < threshold;
    }

    /** The level a breached metric must reach again to count as recovered (see the class comment). */
    public double clearLevel(Thresholds thresholds, double hysteresis) {
        double threshold = threshold(thresholds);
        return higherIsWorse ? threshold * (1 - hysteresis) : threshold + hysteresis * (1 - threshold);
    }

    /** Whether {@code value} has reached the clear level. */
    public boolean recovered(double value, Thresholds thresholds, double hysteresis) {
        double clear = clearLevel(thresholds, hysteresis);
        return higherIsWorse ? value <= clear : value >= clear;
    }

    public Severity severity(double value, Thresholds thresholds) {
        return switch (this) {
            case RESPONSE_TIME -> Severity.HIGH;
            case SUCCESS_RATE -> value < thresholds.successRateCritical() ? Severity.CRITICAL : Severity.MEDIUM;
            case COORDINATION -> Severity.MEDIUM;
            case SYSTEM_SCORE -> value < thresholds.systemScoreCritical() ? Severity.CRITICAL : Severity.HIGH;
        };
    }

    /** The seed design's impact figure in percent, never negative. */
    public double impact(double value, Thresholds thresholds) {
        double threshold = threshold(thresholds);
        double impact = switch (this) {
            case RESPONSE_TIME -> (value - threshold) / threshold * 100;
            case SUCCESS_RATE, SYSTEM_SCORE -> (threshold - value) * 100;
            case COORDINATION -> (threshold - value) * 50;
        };
        return Math.max(0, impact);
    }

    public String suggestedFix() {
        return suggestedFix;
    }

    /** What the value is called in a sentence, e.g. "p95 response time" or "success rate". */
    public String label(String statistic) {
        return this == RESPONSE_TIME ? statistic + " " + label : label;
    }

    /** A value as a sentence prints it: "2800 ms" or "0.62". */
    public String format(double value) {
        return this == RESPONSE_TIME
                ? String.format(Locale.ROOT, "%.0f ms", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    /** A rate of change per second, to three significant digits: "12.5 ms/s" or "0.00120/s". */
    public String formatPerSecond(double perSecond) {
        String digits = new BigDecimal(Math.abs(perSecond)).round(new MathContext(3)).toPlainString();
        return this == RESPONSE_TIME ? digits + " ms/s" : digits + "/s";
    }

    /** "exceeds" or "is below", as in "p95 response time 2800 ms exceeds 2000 ms". */
    String breachVerb() {
        return higherIsWorse ? "exceeds" : "is below";
    }

    /** "under" or "above", the direction of recovery. */
    String recoveryWord() {
        return higherIsWorse ? "under" : "above";
    }

    /** "rising" or "falling", the direction of a worsening trend. */
    public String worseningTrend() {
        return higherIsWorse ? "rising" : "falling";
    }

    /** "exceed" or "drop below", as in "forecast to exceed 2000 ms". */
    public String crossing() {
        return higherIsWorse ? "exceed" : "drop below";
    }
}

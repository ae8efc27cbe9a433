package io.perfopt.engine.detect;

import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.api.optimization.Origin;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One evaluation's reading of one rule for one component, and the bottleneck it reports.
 *
 * @param rule       the rule evaluated
 * @param component  the agent id, or {@code system}
 * @param statistic  the name of the value read ({@code p95}, {@code mean}, {@code systemScore})
 * @param value      the value read
 * @param thresholds the component's thresholds
 * @param hysteresis the detection hysteresis
 * @param count      how many samples (or, for the system, agents) the value rests on
 * @param countNoun  "samples" or "agents"
 */
record Observation(ThresholdRule rule, String component, String statistic, double value, Thresholds thresholds,
                   double hysteresis, long count, String countNoun) {

    Debounce.Reading reading() {
        if (rule.breached(value, thresholds)) {
            return Debounce.Reading.BREACHED;
        }
        return rule.recovered(value, thresholds, hysteresis) ? Debounce.Reading.RECOVERED : Debounce.Reading.RECOVERING;
    }

    Bottleneck toBottleneck(Debounce state) {
        Map<String, Double> evidence = new LinkedHashMap<>();
        evidence.put(statistic, value);
        evidence.put("threshold", threshold());
        evidence.put("clearLevel", clearLevel());
        evidence.put(countNoun, (double) count);
        evidence.put("consecutiveEvaluations", (double) state.breachStreak());
        return new Bottleneck(rule.type(), rule.severity(value, thresholds), component, rule.metric(), describe(state),
                rule.impact(value, thresholds), rule.suggestedFix(), evidence, Origin.REACTIVE, state.openedAt());
    }

    /** E.g. "p95 response time 2800 ms exceeds 2000 ms over 60 samples". */
    String describe(Debounce state) {
        String subject = rule.label(statistic) + " " + rule.format(value);
        String over = " over " + count + " " + countNoun;
        return switch (reading()) {
            case BREACHED -> subject + " " + rule.breachVerb() + " " + rule.format(threshold()) + over;
            case RECOVERING -> subject + " is back " + rule.recoveryWord() + " " + rule.format(threshold())
                    + " but not yet " + rule.recoveryWord() + " its recovery level " + rule.format(clearLevel()) + over;
            case RECOVERED -> subject + " has recovered " + rule.recoveryWord() + " " + rule.format(clearLevel())
                    + " for " + state.recoveryStreak() + " of " + state.clearAfter() + " evaluations" + over;
        };
    }

    double threshold() {
        return rule.threshold(thresholds);
    }

    double clearLevel() {
        return rule.clearLevel(thresholds, hysteresis);
    }
}

package io.perfopt.engine.judge;

/**
 * How a change is judged.
 *
 * @param alpha            significance level of the Mann–Whitney U test (0.05)
 * @param minSamples       samples needed on each side; fewer is inconclusive, never a pass (8)
 * @param tolerancePercent smallest relative shift that counts as an effect at all (5 %): a
 *                         significant but smaller shift is "no effect"
 * @param confidence       confidence level of the Hodges–Lehmann interval (0.95)
 * @param keepNoEffect     keep changes that had no significant effect instead of rolling them back (false)
 */
public record JudgeConfig(double alpha, int minSamples, double tolerancePercent, double confidence,
                          boolean keepNoEffect) {

    public JudgeConfig {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("judge alpha must be within (0, 1), got " + alpha);
        }
        if (minSamples < 3) {
            throw new IllegalArgumentException("judge minSamples must be >= 3, got " + minSamples);
        }
        if (!(tolerancePercent >= 0) || Double.isInfinite(tolerancePercent)) {
            throw new IllegalArgumentException("judge tolerancePercent must be >= 0, got " + tolerancePercent);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("judge confidence must be within (0, 1), got " + confidence);
        }
    }

    public static JudgeConfig defaults() {
        return new JudgeConfig(0.05, 8, 5.0, 0.95, false);
    }

    public JudgeConfig withMinSamples(int value) {
        return new JudgeConfig(alpha, value, tolerancePercent, confidence, keepNoEffect);
    }

    public JudgeConfig withTolerancePercent(double value) {
        return new JudgeConfig(alpha, minSamples, value, confidence, keepNoEffect);
    }

    public JudgeConfig withKeepNoEffect(boolean value) {
        return new JudgeConfig(alpha, minSamples, tolerancePercent, confidence, value);
    }
}

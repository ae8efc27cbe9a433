package io.perfopt.simulator.mechanism;

/**
 * A binary decision (up or down, act or not) reached by weighing evidence. Each piece of
 * evidence is an observation {@code x = truth * strength + noise(sigma)}, whose log-likelihood
 * ratio for "up" is {@code 2 * strength * x / sigma^2}; the agent adds them up (the ideal
 * combination), predicts the sign and reports the confidence {@code logistic(|LLR| / T)}. At
 * {@code T = 1} the confidence is calibrated: a decision taken at confidence c is right with
 * probability about c, so a threshold on it trades decision count for success.
 *
 * @param predicted  +1 or -1
 * @param confidence 0.5..1
 */
public record Judgement(int predicted, double confidence) {

    public Judgement {
        if (predicted != 1 && predicted != -1) {
            throw new IllegalArgumentException("predicted must be +1 or -1, got " + predicted);
        }
        if (!(confidence >= 0.5 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0.5..1, got " + confidence);
        }
    }

    /** The judgement of a summed log-likelihood ratio at temperature {@code temperature}. */
    public static Judgement of(double llr, double temperature) {
        double t = Math.max(temperature, 1e-3);
        double confidence = 1 / (1 + Math.exp(-Math.abs(llr) / t));
        return new Judgement(llr >= 0 ? 1 : -1, Math.min(1, Math.max(0.5, confidence)));
    }

    /** An observation of {@code truth} (+1/-1) through noise. */
    public static double observe(int truth, double strength, double sigma, java.util.random.RandomGenerator rng) {
        return truth * strength + sigma * rng.nextGaussian();
    }

    /** The log-likelihood ratio of an observation for "up". */
    public static double llr(double observation, double strength, double sigma) {
        return 2 * strength * observation / (sigma * sigma);
    }

    /** The log-likelihood ratio for "up" of one observation of {@code truth} at strength 1 through noise. */
    public static double evidence(int truth, double sigma, java.util.random.RandomGenerator rng) {
        return llr(observe(truth, 1, sigma, rng), 1, sigma);
    }

    /** Whether the prediction matches the truth. */
    public boolean rightAbout(int truth) {
        return predicted == truth;
    }
}

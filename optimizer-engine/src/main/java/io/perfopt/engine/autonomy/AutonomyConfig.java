package io.perfopt.engine.autonomy;

/**
 * Bounds and memory of the autonomy level.
 *
 * @param floor       the level at start and the lowest it falls to (0.80)
 * @param ceiling     the highest it rises to (0.95)
 * @param history     how many recent judged changes the success rate is measured over (20)
 * @param minVerdicts judged changes needed before the level moves at all (3)
 */
public record AutonomyConfig(double floor, double ceiling, int history, int minVerdicts) {

    public AutonomyConfig {
        if (!(floor >= 0.5 && floor <= ceiling && ceiling <= 1)) {
            throw new IllegalArgumentException("autonomy needs 0.5 <= floor <= ceiling <= 1, got floor " + floor
                    + " and ceiling " + ceiling);
        }
        if (history < 1 || minVerdicts < 1 || minVerdicts > history) {
            throw new IllegalArgumentException("autonomy needs 1 <= minVerdicts <= history, got minVerdicts "
                    + minVerdicts + " and history " + history);
        }
    }

    public static AutonomyConfig defaults() {
        return new AutonomyConfig(0.80, 0.95, 20, 3);
    }
}

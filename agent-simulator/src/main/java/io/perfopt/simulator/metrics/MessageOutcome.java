package io.perfopt.simulator.metrics;

/**
 * What one coordination message came to.
 *
 * @param delivered    whether it reached its peers (a dropped batch did not)
 * @param latencyMs    from creation to delivery; 0 when dropped
 * @param coordination how useful it still was on arrival, 0..1 (0 when dropped)
 * @param cooperation  how far the peers went along with it, 0..1
 */
public record MessageOutcome(boolean delivered, double latencyMs, double coordination, double cooperation) {

    public MessageOutcome {
        if (!(latencyMs >= 0) || Double.isInfinite(latencyMs)) {
            throw new IllegalArgumentException("message latencyMs must be a finite time >= 0, got " + latencyMs);
        }
        requireRatio("coordination", coordination);
        requireRatio("cooperation", cooperation);
    }

    /** A message whose batch was dropped. */
    public static MessageOutcome dropped() {
        return new MessageOutcome(false, 0, 0, 0);
    }

    private static void requireRatio(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(field + " must be within 0..1, got " + value);
        }
    }
}

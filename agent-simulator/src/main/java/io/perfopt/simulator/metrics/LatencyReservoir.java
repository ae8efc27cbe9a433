package io.perfopt.simulator.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A uniform random sample of at most {@code capacity} latencies out of however many were seen
 * (Vitter's algorithm R), so a metrics document stays small whatever the request rate. It has
 * its own random stream so that sampling never changes what the agent simulates.
 */
final class LatencyReservoir {

    private final int capacity;
    private final SplittableRandom rng;
    private final double[] kept;
    private long seen;

    LatencyReservoir(int capacity, long seed) {
        this.capacity = capacity;
        this.rng = new SplittableRandom(seed);
        this.kept = new double[capacity];
    }

    void add(double value) {
        seen++;
        if (seen <= capacity) {
            kept[(int) seen - 1] = value;
            return;
        }
        long slot = rng.nextLong(seen);
        if (slot < capacity) {
            kept[(int) slot] = value;
        }
    }

    List<Double> values() {
        int n = (int) Math.min(seen, capacity);
        List<Double> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(kept[i]);
        }
        return values;
    }

    void clear() {
        seen = 0;
    }
}

package io.perfopt.simulator.mechanism;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * A Zipf-distributed key stream over {@code 0..n-1}: key {@code k} is drawn with probability
 * proportional to {@code 1 / (k+1)^s}. This is the popularity skew real caches live on, so a
 * cache's hit ratio emerges from its size instead of being set.
 *
 * <p>The cumulative table costs {@code 8n} bytes; instances are shared through {@link #of}
 * so that 5,000 agents of one kind hold one table.
 */
public final class ZipfKeys {

    private static final Map<String, ZipfKeys> SHARED = new ConcurrentHashMap<>();

    private final double[] cumulative;

    private ZipfKeys(int n, double s) {
        cumulative = new double[n];
        double total = 0;
        for (int k = 0; k < n; k++) {
            total += 1 / Math.pow(k + 1, s);
            cumulative[k] = total;
        }
        for (int k = 0; k < n; k++) {
            cumulative[k] /= total;
        }
    }

    /** The shared key stream of {@code n} keys with exponent {@code s}. */
    public static ZipfKeys of(int n, double s) {
        if (n < 1 || !(s > 0)) {
            throw new IllegalArgumentException("zipf needs n >= 1 and s > 0, got n=" + n + ", s=" + s);
        }
        return SHARED.computeIfAbsent(n + "/" + s, key -> new ZipfKeys(n, s));
    }

    /** Draws a key. */
    public int next(RandomGenerator rng) {
        int index = Arrays.binarySearch(cumulative, rng.nextDouble());
        int key = index >= 0 ? index : -index - 1;
        return Math.min(key, cumulative.length - 1);
    }

    /** How many keys there are. */
    public int size() {
        return cumulative.length;
    }
}

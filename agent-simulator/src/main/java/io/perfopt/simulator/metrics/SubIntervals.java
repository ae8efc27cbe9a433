package io.perfopt.simulator.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Success and coordination counted per second of virtual time, so that an interval of any
 * length can afterwards be cut into about ten equal sub-intervals whose rates serve as samples
 * for a rank test. Per-second buckets keep the cost bounded by the interval's length in
 * seconds, not by its request count.
 */
final class SubIntervals {

    static final int PARTS = 10;

    private long[] second = new long[16];
    private double[] outcomes = new double[16];
    private double[] successes = new double[16];
    private double[] coordinationSum = new double[16];
    private double[] coordinationCount = new double[16];
    private int used;

    void success(double atMs, boolean succeeded) {
        int b = bucket(atMs);
        outcomes[b]++;
        if (succeeded) {
            successes[b]++;
        }
    }

    void coordination(double atMs, double score) {
        int b = bucket(atMs);
        coordinationSum[b] += score;
        coordinationCount[b]++;
    }

    /** Success rates of the sub-intervals of {@code [fromMs, toMs]} that saw outcomes. */
    List<Double> successRates(double fromMs, double toMs) {
        return ratios(fromMs, toMs, successes, outcomes);
    }

    /** Mean coordination of the sub-intervals of {@code [fromMs, toMs]} that saw messages. */
    List<Double> coordinationScores(double fromMs, double toMs) {
        return ratios(fromMs, toMs, coordinationSum, coordinationCount);
    }

    void clear() {
        used = 0;
    }

    private List<Double> ratios(double fromMs, double toMs, double[] numerators, double[] denominators) {
        double[] num = new double[PARTS];
        double[] den = new double[PARTS];
        double width = Math.max(1, (toMs - fromMs) / PARTS);
        for (int i = 0; i < used; i++) {
            int part = (int) Math.floor((second[i] * 1000.0 + 500 - fromMs) / width);
            part = Math.max(0, Math.min(PARTS - 1, part));
            num[part] += numerators[i];
            den[part] += denominators[i];
        }
        List<Double> ratios = new ArrayList<>(PARTS);
        for (int p = 0; p < PARTS; p++) {
            if (den[p] > 0) {
                ratios.add(Math.min(1, Math.max(0, num[p] / den[p])));
            }
        }
        return ratios;
    }

    // Events arrive in time order, except a batch sent at its linger deadline, which can trail
    // the latest arrival by a little; such a straggler joins the latest bucket.
    private int bucket(double atMs) {
        long s = (long) Math.floor(atMs / 1000);
        if (used > 0 && s <= second[used - 1]) {
            return used - 1;
        }
        if (used == second.length) {
            int n = used * 2;
            second = Arrays.copyOf(second, n);
            outcomes = Arrays.copyOf(outcomes, n);
            successes = Arrays.copyOf(successes, n);
            coordinationSum = Arrays.copyOf(coordinationSum, n);
            coordinationCount = Arrays.copyOf(coordinationCount, n);
        }
        second[used] = s;
        outcomes[used] = 0;
        successes[used] = 0;
        coordinationSum[used] = 0;
        coordinationCount[used] = 0;
        return used++;
    }
}

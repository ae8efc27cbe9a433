package io.perfopt.engine.window;

/**
 * A running sum that values can be added to and taken out of without the drift a plain
 * {@code double} accumulates over millions of updates (Neumaier's variant of Kahan summation,
 * which also survives a term larger than the sum). Not thread-safe.
 */
final class CompensatedSum {

    private double sum;
    private double compensation;

    void add(double value) {
        double t = sum + value;
        if (Math.abs(sum) >= Math.abs(value)) {
            compensation += (sum - t) + value;
        } else {
            compensation += (value - t) + sum;
        }
        sum = t;
    }

    void subtract(double value) {
        add(-value);
    }

    double value() {
        return sum + compensation;
    }

    void reset() {
        sum = 0;
        compensation = 0;
    }
}

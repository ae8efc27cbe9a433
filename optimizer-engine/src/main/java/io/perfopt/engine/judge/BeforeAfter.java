package io.perfopt.engine.judge;

/**
 * A metric's samples before and after a change.
 *
 * @param before samples observed before the change
 * @param after  samples observed after it settled
 */
public record BeforeAfter(double[] before, double[] after) {

    /** No samples on either side. */
    public static final BeforeAfter EMPTY = new BeforeAfter(new double[0], new double[0]);

    public BeforeAfter {
        before = before == null ? new double[0] : before.clone();
        after = after == null ? new double[0] : after.clone();
    }

    @Override
    public double[] before() {
        return before.clone();
    }

    @Override
    public double[] after() {
        return after.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BeforeAfter other && java.util.Arrays.equals(before, other.before)
                && java.util.Arrays.equals(after, other.after);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(before) + java.util.Arrays.hashCode(after);
    }

    @Override
    public String toString() {
        return "BeforeAfter[" + before.length + " before, " + after.length + " after]";
    }
}

package io.perfopt.engine.forecast;

/** SKELETON. Holt's linear trend (double exponential smoothing) of one series. */
public final class HoltTrend {

    public HoltTrend(double alpha, double beta) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public void observe(double value) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The value expected {@code steps} observations ahead. */
    public double forecast(double steps) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public double level() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public double trend() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public int observations() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}

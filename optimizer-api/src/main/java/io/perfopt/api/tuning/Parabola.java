package io.perfopt.api.tuning;

import java.util.OptionalDouble;

/**
 * Where the best value lies between three tried points, by fitting a parabola through them
 * (successive parabolic interpolation, the fast half of Brent's method). Values are "badness"
 * relative to the middle point (1): 1.2 is 20 % worse than the middle.
 */
final class Parabola {

    // keep the estimate a tenth of the bracket away from its ends, where the fit is least trusted
    private static final double MARGIN = 0.1;

    private Parabola() {
    }

    /**
     * The estimated minimum between {@code a} and {@code b} (coordinates, a &lt; middle &lt; b), or
     * empty when the three points do not curve upward.
     */
    static OptionalDouble vertex(double a, double badnessA, double middle, double b, double badnessB) {
        double left = middle - a;
        double right = middle - b;
        double den = left * (1 - badnessB) - right * (1 - badnessA);
        // only a parabola that opens upward has a minimum (den < 0 with a < middle < b)
        if (!(den < 0)) {
            return OptionalDouble.empty();
        }
        double num = left * left * (1 - badnessB) - right * right * (1 - badnessA);
        double estimate = middle - 0.5 * num / den;
        double margin = MARGIN * (b - a);
        return OptionalDouble.of(Math.max(a + margin, Math.min(b - margin, estimate)));
    }
}

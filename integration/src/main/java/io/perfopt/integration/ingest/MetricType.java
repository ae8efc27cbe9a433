package io.perfopt.integration.ingest;

import java.util.Locale;

/** The type of a Prometheus metric family, as declared by its {@code # TYPE} line. */
public enum MetricType {
    COUNTER, GAUGE, SUMMARY, HISTOGRAM, UNTYPED;

    /** The type of a {@code # TYPE} word, case-sensitive as the format requires. */
    public static MetricType ofExpositionName(String name) {
        for (MetricType type : values()) {
            if (type.name().toLowerCase(Locale.ROOT).equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown metric type \"" + name
                + "\"; use counter, gauge, summary, histogram or untyped");
    }

    /** Whether a series named {@code familyName + suffix} belongs to a family of this type. */
    boolean ownsSuffix(String suffix) {
        return switch (this) {
            case SUMMARY -> suffix.equals("_sum") || suffix.equals("_count");
            case HISTOGRAM -> suffix.equals("_sum") || suffix.equals("_count") || suffix.equals("_bucket");
            default -> false;
        };
    }
}

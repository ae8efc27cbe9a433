package io.perfopt.benchmarks.eval;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The four knob values of a surface agent, by name, as the agent protocol carries them.
 *
 * @param values pool.size, prefetch.ratio, compression.level, flush.interval.ms
 */
public record Config(Map<String, Double> values) {

    public static final String POOL = "pool.size";
    public static final String PREFETCH = "prefetch.ratio";
    public static final String COMPRESSION = "compression.level";
    public static final String FLUSH = "flush.interval.ms";
    /** The knob that does nothing. */
    public static final String NO_OP = FLUSH;

    public Config {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Config of(double pool, double prefetch, double compression, double flush) {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put(POOL, pool);
        v.put(PREFETCH, prefetch);
        v.put(COMPRESSION, compression);
        v.put(FLUSH, flush);
        return new Config(v);
    }

    public double get(String knob) {
        Double v = values.get(knob);
        if (v == null) {
            throw new IllegalArgumentException("no knob " + knob + " in " + values.keySet());
        }
        return v;
    }

    /** This configuration with one knob at another value. */
    public Config with(String knob, double value) {
        Map<String, Double> v = new LinkedHashMap<>(values);
        v.put(knob, value);
        return new Config(v);
    }

    /** The knobs whose values differ from {@code other}'s. */
    public java.util.Set<String> differingFrom(Config other) {
        return values.keySet().stream().filter(k -> Double.compare(get(k), other.get(k)) != 0)
                .collect(Collectors.toSet());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "pool %.0f, prefetch %.3f, compression %.0f, flush %.0f", get(POOL),
                get(PREFETCH), get(COMPRESSION), get(FLUSH));
    }
}

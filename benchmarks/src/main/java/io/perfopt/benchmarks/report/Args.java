package io.perfopt.benchmarks.report;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code --name value} options of a benchmark's {@code main}, each with its default. */
public final class Args {

    private final Map<String, String> values = new HashMap<>();

    private Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            String name = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(name, args[++i]);
            } else {
                values.put(name, "true");
            }
        }
    }

    public static Args parse(String... args) {
        return new Args(args);
    }

    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name).replace("_", "")) : fallback;
    }

    public long longValue(String name, long fallback) {
        return values.containsKey(name) ? Long.parseLong(values.get(name).replace("_", "")) : fallback;
    }

    public double number(String name, double fallback) {
        return values.containsKey(name) ? Double.parseDouble(values.get(name)) : fallback;
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    /** A comma-separated list of whole numbers, e.g. {@code --sizes 100,1000,10000}. */
    public List<Integer> integers(String name, List<Integer> fallback) {
        if (!values.containsKey(name)) {
            return fallback;
        }
        return Arrays.stream(values.get(name).split(",")).map(s -> Integer.parseInt(s.trim().replace("_", "")))
                .toList();
    }
}

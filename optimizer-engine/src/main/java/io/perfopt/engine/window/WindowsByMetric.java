package io.perfopt.engine.window;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One agent's windows by metric name: two small arrays, names and windows, replaced as a whole
 * when a metric appears (copy on write) and read without a lock.
 *
 * <p>Why not a {@code ConcurrentHashMap}: detection looks up four metrics of every agent each
 * cycle, and at 10,000 agents the map's nodes, scattered over a gigabyte of windows, made that
 * lookup a third of the detection phase (a cache miss at each node; docs/BENCHMARKS.md). Here
 * the names of one agent sit side by side in one array, a lookup compares references first, and
 * names are interned when a metric appears, so that the engine's constant names ("responseTimeMs")
 * match without reading a character. An agent has tens of metrics, so the scan is short; new
 * metrics are rare (once per agent and metric), so copying on write costs nothing that matters.
 */
final class WindowsByMetric {

    /** Names and windows at the same index; replaced, never changed in place. */
    private record Table(String[] names, SlidingWindow[] windows) {
    }

    private volatile Table table = new Table(new String[0], new SlidingWindow[0]);

    /** The window of {@code metric}, or null when the agent never reported it. */
    SlidingWindow get(String metric) {
        Table t = table;
        String[] names = t.names();
        for (int i = 0; i < names.length; i++) {
            if (names[i] == metric) {
                return t.windows()[i];
            }
        }
        // a name built at run time (not a constant, not interned): compare the characters
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(metric)) {
                return t.windows()[i];
            }
        }
        return null;
    }

    /** The window of {@code metric}, made by {@code newWindow} when the agent reports it for the first time. */
    SlidingWindow getOrAdd(String metric, Supplier<SlidingWindow> newWindow) {
        SlidingWindow window = get(metric);
        return window != null ? window : add(metric, newWindow);
    }

    /** Every metric and its window, in the order the metrics appeared. */
    void forEach(BiConsumer<String, SlidingWindow> action) {
        Table t = table;
        for (int i = 0; i < t.names().length; i++) {
            action.accept(t.names()[i], t.windows()[i]);
        }
    }

    /** The metric names, in the order they appeared. */
    List<String> names() {
        return new ArrayList<>(Arrays.asList(table.names()));
    }

    private synchronized SlidingWindow add(String metric, Supplier<SlidingWindow> newWindow) {
        SlidingWindow raced = get(metric); // another writer may have added it meanwhile
        if (raced != null) {
            return raced;
        }
        Table t = table;
        int n = t.names().length;
        String[] names = Arrays.copyOf(t.names(), n + 1);
        SlidingWindow[] windows = Arrays.copyOf(t.windows(), n + 1);
        names[n] = metric.intern();
        windows[n] = newWindow.get();
        table = new Table(names, windows);
        return windows[n];
    }
}

package io.perfopt.engine.window;

/**
 * Samples (epoch nanos, value) in timestamp order, in a ring of two primitive arrays that grows
 * by doubling up to a fixed capacity. Appending a sample no older than the newest and dropping
 * the oldest are O(1); a late sample is inserted in place by binary search, shifting whichever
 * side of the ring is shorter, so a batch that arrives slightly out of order costs little.
 * Samples with equal timestamps keep their arrival order. Not thread-safe.
 */
final class TimeOrderedBuffer {

    private static final int INITIAL_CAPACITY = 64;

    private final int maxCapacity;
    private long[] times;
    private double[] values;
    private int head;
    private int size;

    TimeOrderedBuffer(int maxCapacity) {
        this.maxCapacity = maxCapacity;
        int initial = Math.min(maxCapacity, INITIAL_CAPACITY);
        this.times = new long[initial];
        this.values = new double[initial];
    }

    int size() {
        return size;
    }

    boolean isFull() {
        return size == maxCapacity;
    }

    long time(int index) {
        return times[physical(index)];
    }

    double value(int index) {
        return values[physical(index)];
    }

    long oldestTime() {
        return times[head];
    }

    long newestTime() {
        return time(size - 1);
    }

    /** Inserts after every sample with a timestamp {@code <= time}; the buffer must not be full. */
    void insert(long time, double value) {
        if (size == maxCapacity) {
            throw new IllegalStateException("buffer full at " + maxCapacity + " samples");
        }
        if (size == times.length) {
            grow();
        }
        int at = size == 0 || time >= newestTime() ? size : upperBound(time);
        if (at < size / 2) {
            head = head == 0 ? times.length - 1 : head - 1; // make room at the front
            for (int i = 0; i < at; i++) {
                set(i, time(i + 1), value(i + 1));
            }
        } else {
            for (int i = size; i > at; i--) {
                set(i, time(i - 1), value(i - 1));
            }
        }
        set(at, time, value);
        size++;
    }

    double removeOldest() {
        double value = values[head];
        head = head + 1 == times.length ? 0 : head + 1;
        size--;
        return value;
    }

    /** The first index whose timestamp is {@code >= time}, or the size when none is. */
    int lowerBound(long time) {
        return lowerBoundBetween(time, 0, size);
    }

    /**
     * {@link #lowerBound}, searched from the newest end by doubling steps, then by halving: what
     * "the samples since" a recent instant wants. It costs O(log r) for an answer r samples from
     * the end, and touches only the end of the ring, which the caller then copies anyway; a
     * search over the whole window took a cache miss at each of its first steps.
     */
    int lowerBoundFromNewest(long time) {
        int hi = size; // every index >= hi holds a timestamp >= time
        int distance = 1;
        int probe = size - 1;
        while (probe >= 0 && time(probe) >= time) {
            hi = probe;
            distance <<= 1;
            probe = size - distance;
        }
        // every index below probe + 1 holds a timestamp < time
        return lowerBoundBetween(time, Math.max(probe + 1, 0), hi);
    }

    /** The first index within {@code lo..hi} whose timestamp is {@code >= time}, by binary search. */
    private int lowerBoundBetween(long time, int lo, int hi) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time(mid) < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index whose timestamp is {@code > time}, or the size when none is. */
    int upperBound(long time) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time(mid) <= time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The values of indices {@code [from, to)}, in timestamp order. */
    double[] copyValues(int from, int to) {
        double[] copy = new double[to - from];
        for (int i = from; i < to; i++) {
            copy[i - from] = value(i);
        }
        return copy;
    }

    private void set(int index, long time, double value) {
        int p = physical(index);
        times[p] = time;
        values[p] = value;
    }

    private int physical(int index) {
        int p = head + index;
        return p >= times.length ? p - times.length : p;
    }

    private void grow() {
        int capacity = (int) Math.min(maxCapacity, Math.max(1L, 2L * times.length));
        long[] newTimes = new long[capacity];
        double[] newValues = new double[capacity];
        for (int i = 0; i < size; i++) {
            newTimes[i] = time(i);
            newValues[i] = value(i);
        }
        times = newTimes;
        values = newValues;
        head = 0;
    }
}

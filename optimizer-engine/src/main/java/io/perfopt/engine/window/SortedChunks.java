package io.perfopt.engine.window;

import java.util.ArrayList;
import java.util.List;

/**
 * The values of a window kept in value order, so that any rank (and so any quantile) is read
 * without sorting: an ordered list of sorted chunks of at most {@value #MAX_CHUNK} values,
 * every value of a chunk {@code <=} every value of the next.
 *
 * <ul>
 *   <li>add / remove: binary search for the chunk over the chunks' last values, then a binary
 *       search and an array copy inside it: O(log c + {@value #MAX_CHUNK}) for c chunks;</li>
 *   <li>rank read: binary search over cumulative chunk sizes, rebuilt lazily after a change:
 *       O(c) for the first read after a change, O(log c) for the reads after it.</li>
 * </ul>
 *
 * A full chunk splits in two; a chunk shrinking below a quarter of the maximum joins its
 * neighbour, so that c stays below n / {@value #MIN_CHUNK} + 1 and a window of a million values
 * walks a few thousand chunks at most. Memory is at most two doubles a value. Not thread-safe.
 */
final class SortedChunks {

    static final int MAX_CHUNK = 512;
    static final int MIN_CHUNK = MAX_CHUNK / 4;

    private final List<Chunk> chunks = new ArrayList<>();
    private int size;
    private int[] cumulative = new int[0];
    private boolean cumulativeValid;

    int size() {
        return size;
    }

    void add(double value) {
        if (chunks.isEmpty()) {
            chunks.add(new Chunk());
            chunks.get(0).insert(value);
            size = 1;
            cumulativeValid = false;
            return;
        }
        // larger than everything: goes at the end of the last chunk
        int c = Math.min(chunkFor(value), chunks.size() - 1);
        Chunk chunk = chunks.get(c);
        if (chunk.size == MAX_CHUNK) {
            Chunk upper = chunk.splitUpperHalf();
            chunks.add(c + 1, upper);
            if (value > chunk.last()) {
                chunk = upper;
            }
        }
        chunk.insert(value);
        size++;
        cumulativeValid = false;
    }

    /** Removes one occurrence of {@code value}; false when there is none. */
    boolean remove(double value) {
        int c = chunkFor(value);
        if (c == chunks.size() || !chunks.get(c).removeOne(value)) {
            return false;
        }
        size--;
        cumulativeValid = false;
        Chunk chunk = chunks.get(c);
        if (chunk.size == 0) {
            chunks.remove(c);
        } else if (chunk.size < MIN_CHUNK && chunks.size() > 1) {
            rebalance(c);
        }
        return true;
    }

    /** The {@code rank}-th smallest value, 0-based. */
    double get(int rank) {
        if (rank < 0 || rank >= size) {
            throw new IndexOutOfBoundsException("rank " + rank + " outside 0.." + (size - 1));
        }
        int[] ends = cumulativeEnds();
        int lo = 0;
        int hi = chunks.size() - 1;
        while (lo < hi) { // first chunk whose cumulative end exceeds the rank
            int mid = (lo + hi) >>> 1;
            if (ends[mid] > rank) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int start = lo == 0 ? 0 : ends[lo - 1];
        return chunks.get(lo).values[rank - start];
    }

    double min() {
        return chunks.get(0).values[0];
    }

    double max() {
        return chunks.get(chunks.size() - 1).last();
    }

    int chunkCount() {
        return chunks.size();
    }

    void clear() {
        chunks.clear();
        size = 0;
        cumulativeValid = false;
    }

    /** The first chunk whose last value is {@code >= value}, or the chunk count when none is. */
    private int chunkFor(double value) {
        int lo = 0;
        int hi = chunks.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (chunks.get(mid).last() < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Joins a small chunk with a neighbour, or evens the two out when together they overflow. */
    private void rebalance(int c) {
        int left = c + 1 < chunks.size() ? c : c - 1;
        Chunk a = chunks.get(left);
        Chunk b = chunks.get(left + 1);
        if (a.size + b.size <= MAX_CHUNK) {
            a.append(b.values, 0, b.size); // neighbours in value order: concatenation stays sorted
            chunks.remove(left + 1);
        } else {
            Chunk.even(a, b);
        }
    }

    private int[] cumulativeEnds() {
        if (!cumulativeValid) {
            if (cumulative.length < chunks.size()) {
                cumulative = new int[chunks.size() + chunks.size() / 2 + 1];
            }
            int total = 0;
            for (int i = 0; i < chunks.size(); i++) {
                total += chunks.get(i).size;
                cumulative[i] = total;
            }
            cumulativeValid = true;
        }
        return cumulative;
    }

    /** One sorted run of values. */
    private static final class Chunk {

        final double[] values = new double[MAX_CHUNK];
        int size;

        double last() {
            return values[size - 1];
        }

        void insert(double value) {
            int at = upperBound(value);
            System.arraycopy(values, at, values, at + 1, size - at);
            values[at] = value;
            size++;
        }

        boolean removeOne(double value) {
            int at = lowerBound(value);
            if (at == size || values[at] != value) {
                return false;
            }
            System.arraycopy(values, at + 1, values, at, size - at - 1);
            size--;
            return true;
        }

        Chunk splitUpperHalf() {
            Chunk upper = new Chunk();
            int keep = size / 2;
            upper.append(values, keep, size - keep);
            size = keep;
            return upper;
        }

        void append(double[] source, int from, int count) {
            System.arraycopy(source, from, values, size, count);
            size += count;
        }

        /** Moves values across the boundary of two neighbours until their sizes differ by at most one. */
        static void even(Chunk a, Chunk b) {
            int total = a.size + b.size;
            int target = total / 2;
            if (a.size < target) {
                int move = target - a.size;
                a.append(b.values, 0, move);
                System.arraycopy(b.values, move, b.values, 0, b.size - move);
                b.size -= move;
            } else if (a.size > target) {
                int move = a.size - target;
                System.arraycopy(b.values, 0, b.values, move, b.size);
                System.arraycopy(a.values, target, b.values, 0, move);
                b.size += move;
                a.size = target;
            }
        }

        private int upperBound(double value) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (values[mid] <= value) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private int lowerBound(double value) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (values[mid] < value) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}

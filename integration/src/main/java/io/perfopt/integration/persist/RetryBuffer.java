package io.perfopt.integration.persist;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes items in the order they came and keeps, in memory, those the database could not take
 * yet. A write that fails stays at the head of the queue and holds back the items behind it, so
 * that order holds; the next {@link #submit} or {@link #flush} tries again. An item the
 * database can never take (a data error, see {@link WriteFailure}) is dropped with an error
 * rather than blocking every item behind it.
 *
 * <p>Bounded: when {@code capacity} items wait, the oldest is dropped to make room, with an
 * ERROR naming it, since the newest reports matter most to whoever reads them. Thread-safe:
 * the cycle submits, the retry timer flushes.
 *
 * @param <T> what is written
 */
public final class RetryBuffer<T> {

    /** Writes one item; throws when it was not stored. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(T item) throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(RetryBuffer.class);

    private final String what;
    private final int capacity;
    private final Writer<T> writer;
    private final Function<T, String> name;
    private final Deque<T> pending = new ArrayDeque<>();
    private long written;
    private long failures;
    private long dropped;
    private long refused;
    private boolean failing;

    /**
     * @param what     what the items are, for logs, e.g. {@code cycle report}
     * @param capacity items kept at most while the database fails
     * @param writer   stores one item
     * @param name     names an item in logs, e.g. {@code node-1/12/2026-...}
     */
    public RetryBuffer(String what, int capacity, Writer<T> writer, Function<T, String> name) {
        if (capacity < 1) {
            throw new IllegalArgumentException(what + " retry buffer capacity must be at least 1, got " + capacity);
        }
        this.what = what;
        this.capacity = capacity;
        this.writer = writer;
        this.name = name;
    }

    /** Queues the item behind those still pending and writes as many as the database takes. */
    public synchronized void submit(T item) {
        if (pending.size() >= capacity) {
            T oldest = pending.removeFirst();
            dropped++;
            log.error("{} retry buffer is FULL ({} waiting since the database started failing): {} {} is DROPPED "
                    + "and will never be stored ({} dropped so far); fix the database or raise the buffer size",
                    what, capacity, what, name.apply(oldest), dropped);
        }
        pending.addLast(item);
        flush();
    }

    /** Writes the pending items in order until one fails; returns how many are still pending. */
    public synchronized int flush() {
        while (!pending.isEmpty()) {
            T item = pending.peekFirst();
            try {
                writer.write(item);
            } catch (Exception e) {
                if (WriteFailure.permanent(e)) {
                    pending.removeFirst();
                    refused++;
                    log.error("{} {} cannot be stored and is dropped: the database refuses it: {}", what,
                            name.apply(item), WriteFailure.describe(e));
                    continue;
                }
                failures++;
                // the first failure of a streak is news; repeating it every retry is noise
                if (!failing) {
                    log.warn("{} {} could not be stored: {}; kept in memory ({} waiting, at most {}) and retried",
                            what, name.apply(item), WriteFailure.describe(e), pending.size(), capacity);
                } else {
                    log.debug("{} {} still cannot be stored ({} waiting): {}", what, name.apply(item),
                            pending.size(), WriteFailure.describe(e));
                }
                failing = true;
                return pending.size();
            }
            pending.removeFirst();
            written++;
            if (failing) {
                failing = false;
                log.info("the database takes {}s again: {} stored, {} still waiting", what, name.apply(item),
                        pending.size());
            }
        }
        return 0;
    }

    /** Items waiting to be written. */
    public synchronized int pending() {
        return pending.size();
    }

    /** Counts since start, for status and metrics. */
    public synchronized Stats stats() {
        return new Stats(written, pending.size(), failures, dropped, refused);
    }

    /**
     * What the buffer did so far.
     *
     * @param written  items stored
     * @param pending  items waiting
     * @param failures failed write attempts (each retry of a waiting item counts)
     * @param dropped  items dropped because the buffer was full
     * @param refused  items dropped because the database refused their data
     */
    public record Stats(long written, int pending, long failures, long dropped, long refused) {
    }
}

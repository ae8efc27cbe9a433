package io.perfopt.simulator.mechanism;

import java.util.ArrayList;
import java.util.List;

/**
 * Items (messages, orders) collected into batches and sent over one shared link, in virtual
 * time. A batch leaves when it holds {@code batchSize} items or when its first item has waited
 * {@code lingerMs}; the link sends one batch at a time, each costing a fixed overhead plus a
 * per-item cost. A batch that would wait longer than {@code maxQueueMs} for the link is
 * dropped.
 *
 * <p>The trade the batch size makes is real: small batches pay the overhead often and load
 * the link until it queues or drops; large batches make every item wait for the batch to
 * fill. The best size depends on the item rate.
 *
 * @param <T> what an item carries for the receiver of its delivery
 */
public final class BatchingLink<T> {

    /** Told of each item when its batch has been sent or dropped. */
    @FunctionalInterface
    public interface Receiver<T> {
        /**
         * @param item        the item
         * @param createdMs   when it was offered
         * @param deliveredMs when the link delivered it, or {@code NaN} when its batch was dropped
         */
        void receive(T item, double createdMs, double deliveredMs);
    }

    private final double lingerMs;
    private final double overheadMs;
    private final double perItemMs;
    private final double maxQueueMs;
    private final List<T> pending = new ArrayList<>();
    private final List<Double> pendingSince = new ArrayList<>();
    private int batchSize;
    private double linkFreeAtMs = Double.NEGATIVE_INFINITY;

    public BatchingLink(int batchSize, double lingerMs, double overheadMs, double perItemMs, double maxQueueMs) {
        this.lingerMs = lingerMs;
        this.overheadMs = overheadMs;
        this.perItemMs = perItemMs;
        this.maxQueueMs = maxQueueMs;
        resize(batchSize);
    }

    /** Changes the batch size; a batch already at the new size leaves with the next offer. */
    public void resize(int newBatchSize) {
        if (newBatchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + newBatchSize);
        }
        batchSize = newBatchSize;
    }

    /**
     * Offers an item at {@code atMs}; sends the batch that lingered past its time first, and
     * the batch this item fills. {@code slowdown} stretches the link's work (a fault or drift).
     */
    public void offer(double atMs, T item, double slowdown, Receiver<T> receiver) {
        settle(atMs, slowdown, receiver);
        pending.add(item);
        pendingSince.add(atMs);
        if (pending.size() >= batchSize) {
            send(atMs, slowdown, receiver);
        }
    }

    /** Sends the pending batch if its linger time has passed by {@code nowMs}. */
    public void settle(double nowMs, double slowdown, Receiver<T> receiver) {
        if (!pending.isEmpty() && pendingSince.get(0) + lingerMs <= nowMs) {
            send(pendingSince.get(0) + lingerMs, slowdown, receiver);
        }
    }

    private void send(double flushMs, double slowdown, Receiver<T> receiver) {
        double startMs = Math.max(flushMs, linkFreeAtMs);
        double deliveredMs = Double.NaN;
        if (startMs - flushMs <= maxQueueMs) {
            deliveredMs = startMs + (overheadMs + perItemMs * pending.size()) * slowdown;
            linkFreeAtMs = deliveredMs;
        }
        for (int i = 0; i < pending.size(); i++) {
            receiver.receive(pending.get(i), pendingSince.get(i), deliveredMs);
        }
        pending.clear();
        pendingSince.clear();
    }
}

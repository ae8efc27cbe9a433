package io.perfopt.simulator.metrics;

import java.util.Arrays;

/**
 * What an agent did since it started, for the Prometheus endpoint: monotone counters, the
 * latencies of the most recent requests (for the summary's quantiles) and a cumulative
 * histogram of message latencies.
 */
public final class CumulativeStats implements OutcomeSink {

    /** Upper bounds of the message latency histogram buckets, in ms. */
    static final double[] MESSAGE_BUCKETS_MS = {10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000};
    /** How many recent requests the response time summary covers. */
    static final int RECENT_WINDOW = 1024;

    private long requests;
    private long failedRequests;
    private long decisions;
    private long messages;
    private long droppedMessages;
    private final long[] messageBucketCounts = new long[MESSAGE_BUCKETS_MS.length];
    private double messageLatencySum;
    private long messagesDelivered;
    private double[] recent;
    private int recentNext;
    private int recentCount;

    @Override
    public void request(double atMs, RequestOutcome outcome) {
        requests++;
        if (outcome.failed() || (outcome.decided() && !outcome.succeeded())) {
            failedRequests++;
        }
        if (outcome.decided()) {
            decisions++;
        }
        if (recent == null) {
            recent = new double[RECENT_WINDOW];
        }
        if (!outcome.served()) {
            return; // refusals are counted above but are no response time
        }
        recent[recentNext] = outcome.latencyMs();
        recentNext = (recentNext + 1) % RECENT_WINDOW;
        recentCount = Math.min(RECENT_WINDOW, recentCount + 1);
    }

    @Override
    public void message(double atMs, MessageOutcome outcome) {
        messages++;
        if (!outcome.delivered()) {
            droppedMessages++;
            return;
        }
        messagesDelivered++;
        messageLatencySum += outcome.latencyMs();
        for (int i = 0; i < MESSAGE_BUCKETS_MS.length; i++) {
            if (outcome.latencyMs() <= MESSAGE_BUCKETS_MS[i]) {
                messageBucketCounts[i]++;
            }
        }
    }

    @Override
    public void conflict(double atMs, double resolutionMs) {
        // conflicts are reported as a gauge of their mean resolution time only
    }

    public long requests() {
        return requests;
    }

    /** Requests that failed, or whose decision failed. */
    public long failedRequests() {
        return failedRequests;
    }

    public long decisions() {
        return decisions;
    }

    public long messages() {
        return messages;
    }

    public long droppedMessages() {
        return droppedMessages;
    }

    /** The recent latencies, oldest first order not kept: sorted ascending. */
    double[] recentLatenciesSorted() {
        if (recent == null) {
            return new double[0];
        }
        double[] copy = Arrays.copyOf(recent, recentCount);
        Arrays.sort(copy);
        return copy;
    }

    long messageBucketCount(int bucket) {
        return messageBucketCounts[bucket];
    }

    long messagesDelivered() {
        return messagesDelivered;
    }

    double messageLatencySum() {
        return messageLatencySum;
    }
}

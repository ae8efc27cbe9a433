package io.perfopt.simulator.mechanism;

/**
 * A garbage-collected heap in virtual time. Each request allocates; when the free part of the
 * heap (heap minus live data) is used up, a stop-the-world collection pauses the agent for a
 * time proportional to the live data. As caches and context buffers grow the live set toward
 * the heap size, collections come ever more often and cost ever more: the reason a cache that
 * is too large makes an agent slower, not faster.
 */
public final class HeapModel {

    /** The free share below which the heap counts as full; keeps a full heap collecting, not dividing by 0. */
    private static final double MIN_FREE_SHARE = 0.02;

    private final double heapMb;
    private final double pauseMsPerLiveMb;
    private double freeMb;
    private double pausedUntilMs = Double.NEGATIVE_INFINITY;
    private long collections;

    public HeapModel(double heapMb, double pauseMsPerLiveMb) {
        this.heapMb = heapMb;
        this.pauseMsPerLiveMb = pauseMsPerLiveMb;
        this.freeMb = heapMb;
    }

    /**
     * Allocates {@code allocationMb} at {@code atMs} with {@code liveMb} of live data and returns
     * how long the request is held up by a collection (the rest of a running pause, or a new one).
     */
    public double allocate(double atMs, double liveMb, double allocationMb) {
        double delayMs = Math.max(0, pausedUntilMs - atMs);
        freeMb -= allocationMb;
        if (freeMb <= 0) {
            double pauseMs = pauseMsPerLiveMb * Math.min(liveMb, heapMb);
            pausedUntilMs = Math.max(atMs, pausedUntilMs) + pauseMs;
            delayMs = pausedUntilMs - atMs;
            freeMb = Math.max(heapMb - liveMb, heapMb * MIN_FREE_SHARE);
            collections++;
        }
        return delayMs;
    }

    /** The share of the heap the live data fills. */
    public double usedRatio(double liveMb) {
        return Math.min(1, Math.max(0, liveMb / heapMb));
    }

    public long collections() {
        return collections;
    }
}

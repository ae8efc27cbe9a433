package io.perfopt.simulator.mechanism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MechanismTest {

    @Test
    void theLruCacheEvictsTheLeastRecentlyUsedKey() {
        LruCache cache = new LruCache(2);
        cache.access(1);
        cache.access(2);
        cache.access(1);
        cache.access(3);

        assertThat(cache.access(1)).as("1 was used recently").isTrue();
        assertThat(cache.access(2)).as("2 was the least recently used").isFalse();
        cache.resize(1);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aBiggerCacheHitsMoreOfAZipfStream() {
        assertThat(hitRatio(5000)).isGreaterThan(hitRatio(500) + 0.15);
        assertThat(hitRatio(0)).isZero();
    }

    @Test
    void theWorkerPoolQueuesWhenAllWorkersAreBusyAndRefusesWhatCannotMakeTheTimeout() {
        WorkerPool pool = new WorkerPool(2, 0);

        Admission first = pool.admit(0, 100, 1000);
        Admission second = pool.admit(0, 100, 1000);
        Admission third = pool.admit(0, 100, 1000);
        Admission hopeless = pool.admit(0, 100, 150);

        assertThat(first.waitMs()).isZero();
        assertThat(second.waitMs()).isZero();
        assertThat(third.waitMs()).isEqualTo(100);
        assertThat(third.latencyMs()).isEqualTo(200);
        assertThat(hopeless.timedOut()).isTrue();
        assertThat(hopeless.serviceMs()).isZero();
    }

    @Test
    void everyExtraWorkerStretchesTheWork() {
        WorkerPool pool = new WorkerPool(11, 0.01);

        assertThat(pool.contentionFactor()).isCloseTo(1.1, within(1e-9));
        assertThat(pool.admit(0, 100, 1000).serviceMs()).isCloseTo(110, within(1e-9));
    }

    @Test
    void theBatchingLinkSendsFullBatchesAndLingeringOnes() {
        List<double[]> deliveries = new ArrayList<>();
        BatchingLink<Integer> link = new BatchingLink<>(3, 500, 10, 1, 1000);
        BatchingLink.Receiver<Integer> receiver = (item, created, delivered) ->
                deliveries.add(new double[] {item, created, delivered});

        link.offer(0, 1, 1, receiver);
        link.offer(100, 2, 1, receiver);
        assertThat(deliveries).isEmpty();
        link.offer(200, 3, 1, receiver);
        assertThat(deliveries).hasSize(3).allSatisfy(d -> assertThat(d[2]).isEqualTo(213));

        link.offer(1000, 4, 1, receiver);
        link.settle(1600, 1, receiver);
        assertThat(deliveries).hasSize(4);
        assertThat(deliveries.get(3)[2]).isEqualTo(1511);
    }

    @Test
    void anOverloadedLinkDropsBatches() {
        int[] dropped = {0};
        BatchingLink<Integer> link = new BatchingLink<>(1, 1000, 100, 0, 300);
        for (int i = 0; i < 20; i++) {
            link.offer(i * 10.0, i, 1, (item, created, delivered) -> dropped[0] += Double.isNaN(delivered) ? 1 : 0);
        }

        assertThat(dropped[0]).isGreaterThan(10);
    }

    @Test
    void aConfidenceOfCIsRightAboutCOfTheTime() {
        SplittableRandom rng = new SplittableRandom(1);
        int decided = 0;
        int right = 0;
        for (int i = 0; i < 50_000; i++) {
            int truth = rng.nextBoolean() ? 1 : -1;
            Judgement judgement = Judgement.of(Judgement.llr(Judgement.observe(truth, 1, 1.5, rng), 1, 1.5), 1);
            if (judgement.confidence() >= 0.8 && judgement.confidence() < 0.85) {
                decided++;
                right += judgement.rightAbout(truth) ? 1 : 0;
            }
        }

        assertThat((double) right / decided).isCloseTo(0.825, within(0.02));
    }

    @Test
    void aHeapNearlyFullOfLiveDataCollectsOftenAndPausesLong() {
        HeapModel roomy = new HeapModel(1000, 0.3);
        HeapModel crowded = new HeapModel(1000, 0.3);
        double roomyDelay = 0;
        double crowdedDelay = 0;
        for (int i = 0; i < 10_000; i++) {
            roomyDelay += roomy.allocate(i * 50.0, 400, 2);
            crowdedDelay += crowded.allocate(i * 50.0, 970, 2);
        }

        assertThat(crowded.collections()).isGreaterThan(10 * roomy.collections());
        assertThat(crowdedDelay).isGreaterThan(10 * roomyDelay);
    }

    @Test
    void moreNegotiationRoundsWinMorePeersAtDiminishingReturns() {
        Negotiation negotiation = new Negotiation(5, 0.35, 0, 40, 0.5);
        double two = meanAgreement(negotiation, 2);
        double four = meanAgreement(negotiation, 4);
        double eight = meanAgreement(negotiation, 8);

        assertThat(four).isGreaterThan(two);
        assertThat(eight).isGreaterThan(four);
        assertThat(eight - four).isLessThan(four - two);
    }

    private static double meanAgreement(Negotiation negotiation, int rounds) {
        SplittableRandom rng = new SplittableRandom(3);
        double sum = 0;
        for (int i = 0; i < 5000; i++) {
            sum += negotiation.run(rounds, 1000, 1, rng).agreement();
        }
        return sum / 5000;
    }

    private static double hitRatio(int capacity) {
        LruCache cache = new LruCache(capacity);
        ZipfKeys keys = ZipfKeys.of(60_000, 0.95);
        SplittableRandom rng = new SplittableRandom(4);
        int hits = 0;
        for (int i = 0; i < 100_000; i++) {
            hits += cache.access(keys.next(rng)) ? 1 : 0;
        }
        return hits / 100_000.0;
    }
}

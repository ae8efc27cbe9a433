package io.perfopt.engine.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SortedChunksTest {

    private final SortedChunks chunks = new SortedChunks();
    private final List<Double> reference = new ArrayList<>();

    @Test
    void everyRankMatchesASortedListThroughRandomAddsAndRemoves() {
        SplittableRandom random = new SplittableRandom(3);
        for (int step = 0; step < 40_000; step++) {
            if (reference.isEmpty() || random.nextInt(10) < 6) {
                add(random.nextInt(2_000) / 4.0); // ties across chunk boundaries
            } else {
                double victim = reference.get(random.nextInt(reference.size()));
                assertThat(chunks.remove(victim)).isTrue();
                reference.remove(victim);
            }
            if (step % 997 == 0) {
                assertSameAsReference();
            }
        }
        assertSameAsReference();
    }

    @Test
    void removingAValueThatIsNotThereChangesNothing() {
        add(1);
        add(3);

        assertThat(chunks.remove(2)).isFalse();
        assertThat(chunks.remove(4)).isFalse();
        assertThat(chunks.size()).isEqualTo(2);
    }

    @Test
    void staysAFewChunksAfterMostValuesAreRemoved() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 100_000; i++) {
            add(random.nextDouble());
        }
        Collections.shuffle(reference, new java.util.Random(5));
        List<Double> victims = new ArrayList<>(reference.subList(0, 95_000));
        List<Double> kept = new ArrayList<>(reference.subList(95_000, reference.size()));
        victims.forEach(victim -> assertThat(chunks.remove(victim)).isTrue());
        reference.clear();
        reference.addAll(kept);

        assertThat(chunks.chunkCount()).isLessThanOrEqualTo(chunks.size() / SortedChunks.MIN_CHUNK + 1);
        assertSameAsReference();
    }

    private void add(double value) {
        chunks.add(value);
        reference.add(value);
    }

    private void assertSameAsReference() {
        List<Double> sorted = new ArrayList<>(reference);
        Collections.sort(sorted);
        assertThat(chunks.size()).isEqualTo(sorted.size());
        for (int rank = 0; rank < sorted.size(); rank++) {
            assertThat(chunks.get(rank)).as("rank %d", rank).isEqualTo(sorted.get(rank));
        }
        if (!sorted.isEmpty()) {
            assertThat(chunks.min()).isEqualTo(sorted.get(0));
            assertThat(chunks.max()).isEqualTo(sorted.get(sorted.size() - 1));
        }
    }
}

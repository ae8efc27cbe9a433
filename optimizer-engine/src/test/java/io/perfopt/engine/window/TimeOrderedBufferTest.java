package io.perfopt.engine.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimeOrderedBufferTest {

    @Test
    void searchingFromTheNewestEndFindsWhatABinarySearchFinds() {
        SplittableRandom random = new SplittableRandom(3);
        for (int n : new int[] {0, 1, 2, 3, 7, 64, 65, 300, 1_000}) {
            TimeOrderedBuffer buffer = new TimeOrderedBuffer(10_000);
            for (int i = 0; i < n; i++) {
                buffer.insert(random.nextInt(n * 3 + 1), i); // out of order, with ties
            }
            if (n > 0) { // wrap the ring: drop some, add newer ones
                for (int i = 0; i < n / 2; i++) {
                    buffer.removeOldest();
                    buffer.insert(n * 3L + i, i);
                }
            }
            for (long time = -2; time <= n * 4L + 2; time++) {
                assertThat(buffer.lowerBoundFromNewest(time)).as("n=%d time=%d", n, time)
                        .isEqualTo(buffer.lowerBound(time));
            }
        }
    }

    @Test
    void theBoundsOfTheSearchFromTheNewestEnd() {
        TimeOrderedBuffer buffer = new TimeOrderedBuffer(100);
        assertThat(buffer.lowerBoundFromNewest(5)).as("empty").isZero();
        for (long t = 10; t <= 50; t += 10) {
            buffer.insert(t, t);
        }

        assertThat(buffer.lowerBoundFromNewest(Long.MIN_VALUE)).as("before everything").isZero();
        assertThat(buffer.lowerBoundFromNewest(10)).as("equal to the oldest").isZero();
        assertThat(buffer.lowerBoundFromNewest(50)).as("equal to the newest").isEqualTo(4);
        assertThat(buffer.lowerBoundFromNewest(51)).as("after everything").isEqualTo(5);
    }
}

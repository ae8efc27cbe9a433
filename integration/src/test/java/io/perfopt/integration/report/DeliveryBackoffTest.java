package io.perfopt.integration.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryBackoffTest {

    private final ManualClock clock = ManualClock.startingAtEpochOf2026();
    private final DeliveryBackoff backoff = new DeliveryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), clock);

    @Test
    void waitsTwiceAsLongAfterEachFailureUpToTheCap() {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waits.add(backoff.failed().toSeconds());
        }

        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(backoff.failures()).isEqualTo(8);
    }

    @Test
    void isDueOnlyOnceTheWaitHasPassedAndAtOnceAfterASuccess() {
        assertThat(backoff.due()).isTrue();
        backoff.failed();
        backoff.failed();

        assertThat(backoff.due()).isFalse();
        clock.advance(Duration.ofMillis(1999));
        assertThat(backoff.due()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(backoff.due()).isTrue();

        backoff.failed();
        backoff.succeeded();
        assertThat(backoff.due()).isTrue();
        assertThat(backoff.failures()).isZero();
        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void neverOverflowsAfterAVeryLongOutage() {
        for (int i = 0; i < 200; i++) {
            backoff.failed();
        }
        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(30));
    }
}

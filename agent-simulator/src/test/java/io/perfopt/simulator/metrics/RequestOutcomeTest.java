package io.perfopt.simulator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.simulator.mechanism.Judgement;
import io.perfopt.simulator.metrics.RequestOutcome.Status;
import org.junit.jupiter.api.Test;

class RequestOutcomeTest {

    private final Judgement up = new Judgement(1, 0.8);

    @Test
    void aJudgedRequestConfidentEnoughIsDecidedAndSucceedsWhenRight() {
        RequestOutcome right = RequestOutcome.judged(50, 40, 10, up, 1, 0.8);
        RequestOutcome wrong = RequestOutcome.judged(50, 40, 10, up, -1, 0.8);

        assertThat(right.status()).isEqualTo(Status.DECIDED);
        assertThat(right.correct()).isTrue();
        assertThat(right.succeeded()).isTrue();
        assertThat(right.confidence()).isEqualTo(0.8);
        assertThat(wrong.status()).isEqualTo(Status.DECIDED);
        assertThat(wrong.correct()).isFalse();
        assertThat(wrong.succeeded()).isFalse();
    }

    @Test
    void aJudgedRequestBelowTheThresholdIsSkippedEvenWhenRight() {
        RequestOutcome skipped = RequestOutcome.judged(50, 40, 10, up, 1, 0.81);

        assertThat(skipped.status()).isEqualTo(Status.SKIPPED);
        assertThat(skipped.correct()).isTrue();
        assertThat(skipped.succeeded()).isFalse();
    }
}

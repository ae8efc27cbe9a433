package io.perfopt.benchmarks.polling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PollingSmokeTest {

    @Test
    void oneCollectionPollsEveryAgentWithoutFailures() throws Exception {
        PollingBenchmark.Result r = PollingBenchmark.run(10, 2, 1);

        assertThat(r.failures()).isZero();
        assertThat(r.samplesPerCollection()).isPositive();
        assertThat(r.perfoptMs().median()).isPositive();
        assertThat(r.bareMs().median()).isPositive();
    }
}

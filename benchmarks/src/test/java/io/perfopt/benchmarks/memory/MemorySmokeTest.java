package io.perfopt.benchmarks.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemorySmokeTest {

    @Test
    void measuresSomeHeapPerAgentForTheWindows() {
        MemoryPerAgent.Result r = MemoryPerAgent.run(200, 2);

        assertThat(r.windowSamples()).isPositive();
        assertThat(r.windowBytesPerAgent()).isPositive();
    }
}

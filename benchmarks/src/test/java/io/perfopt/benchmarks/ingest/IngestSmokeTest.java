package io.perfopt.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One short round of the push benchmark: perfopt takes every sample into its windows, and so does the ceiling. */
class IngestSmokeTest {

    @Test
    void pushesReachPerfoptsWindowsAndTheBareServer() throws Exception {
        IngestBenchmark.Result r = IngestBenchmark.run(1, Duration.ofSeconds(1), Duration.ofMillis(500), 2, 2, 5, 4);

        assertThat(r.samplesPerBody()).isEqualTo(2 * (5 + PushPayloads.METRICS.length));
        assertThat(r.perfopt()).singleElement().satisfies(v -> assertThat(v).isPositive());
        assertThat(r.ceiling()).singleElement().satisfies(v -> assertThat(v).isPositive());
        assertThat(r.storedSamples()).isPositive();
    }
}

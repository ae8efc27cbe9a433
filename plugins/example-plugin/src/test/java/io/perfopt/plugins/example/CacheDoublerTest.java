package io.perfopt.plugins.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.knob.Knob;
import io.perfopt.api.spi.Proposal;
import io.perfopt.api.testing.FakeContext;
import org.junit.jupiter.api.Test;

class CacheDoublerTest {

    private final CacheDoubler plugin = new CacheDoubler();

    @Test
    void doublesEveryCacheThatCanStillGrow() {
        FakeContext agent = FakeContext.agent("a1", "market-analyzer").knobs(
                Knob.ofInt("indicator.cache.size", 0, 5000, 300, "latency", "cache"),
                Knob.ofInt("cache.size", 0, 20000, 20000, "latency", "cache"),
                Knob.ofInt("worker.threads", 1, 64, 8, "latency", "concurrency"));

        assertThat(plugin.propose(agent.build())).extracting(Proposal::description)
                .containsExactly("double indicator.cache.size so that fewer lookups miss");
        assertThat(plugin.propose(agent.build()).get(0).changes().get(0).to()).isEqualTo(600);
    }
}

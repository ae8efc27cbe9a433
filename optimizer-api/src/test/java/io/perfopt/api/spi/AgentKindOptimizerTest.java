package io.perfopt.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perfopt.api.AgentDescriptor;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.testing.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentKindOptimizerTest {

    /** Doubles the cache when slow, raises the retries when failing. */
    private static final class CacheOptimizer extends AgentKindOptimizer {
        CacheOptimizer() {
            super("cache-optimizer", "cache-agent");
        }

        @Override
        protected List<Proposal> whenSlow(PlanningContext context) {
            Knob cache = context.knob("cache.size").orElseThrow();
            return List.of(Proposal.builder("more cache").change(cache.changeTo(cache.value() * 2)).build());
        }

        @Override
        protected List<Proposal> whenFailing(PlanningContext context) {
            Knob retries = context.knob("retries").orElseThrow();
            return List.of(Proposal.builder("more retries").change(retries.changeTo(retries.value() + 1)).build());
        }
    }

    private final CacheOptimizer plugin = new CacheOptimizer();

    private final FakeContext agent = FakeContext.agent("c-1", "cache-agent")
            .knobs(Knob.ofInt("cache.size", 0, 1000, 100, "cache"), Knob.ofInt("retries", 0, 5, 1, "retries"));

    @Test
    void servesOnlyAgentsOfItsClass() {
        assertThat(plugin.serves(AgentDescriptor.of("c-1", "cache-agent"))).isTrue();
        assertThat(plugin.serves(AgentDescriptor.of("g-1"))).isFalse();
    }

    @Test
    void tellsItsIdAndHandlesResponseTimeAndSuccessRate() {
        assertThat(plugin.id()).isEqualTo("cache-optimizer");
        assertThat(plugin.handles()).containsExactlyInAnyOrder(BottleneckType.RESPONSE_TIME,
                BottleneckType.SUCCESS_RATE);
    }

    @Test
    void answersSlownessAndFailuresEachWithItsOwnProposals() {
        assertThat(plugin.propose(agent.build())).extracting(Proposal::knobKey).containsExactly("cache.size");
        assertThat(plugin.propose(agent.bottleneck(BottleneckType.SUCCESS_RATE).build()))
                .extracting(Proposal::knobKey).containsExactly("retries");
    }

    @Test
    void refusesABlankAgentClass() {
        assertThatThrownBy(() -> new AgentKindOptimizer("x-optimizer", " ") {
            @Override
            protected List<Proposal> whenSlow(PlanningContext context) {
                return List.of();
            }

            @Override
            protected List<Proposal> whenFailing(PlanningContext context) {
                return List.of();
            }
        }).hasMessageContaining("agentClass");
    }
}

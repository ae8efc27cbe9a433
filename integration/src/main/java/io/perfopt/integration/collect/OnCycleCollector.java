package io.perfopt.integration.collect;

import io.perfopt.engine.cycle.MetricCollector;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.AgentRegistry;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.camel.ProducerTemplate;

/**
 * Polls every owned, pulled agent once at the start of a cycle, through the same shared
 * collection routes the scheduled polls use ({@code perfopt.collect.on-cycle=true}).
 */
public final class OnCycleCollector implements MetricCollector {

    private final AgentRegistry registry;
    private final ProducerTemplate producer;
    private final Predicate<String> owned;

    public OnCycleCollector(AgentRegistry registry, ProducerTemplate producer, Predicate<String> owned) {
        this.registry = registry;
        this.producer = producer;
        this.owned = owned;
    }

    @Override
    public void collect() {
        for (AgentConfig agent : registry.agents()) {
            if (PollRoutes.pulled(agent) && owned.test(agent.id())) {
                String format = agent.metrics().format().name().toLowerCase(Locale.ROOT);
                // the collection route records its own failures; nothing to catch here
                producer.send("direct:collect-" + format,
                        exchange -> exchange.setProperty(MetricsIngest.AGENT, agent.id()));
            }
        }
    }
}

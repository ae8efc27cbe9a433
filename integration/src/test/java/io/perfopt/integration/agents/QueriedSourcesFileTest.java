package io.perfopt.integration.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The jdbc and promql metric sources as agents.yaml declares them. */
class QueriedSourcesFileTest {

    private final AgentsFile reader = new AgentsFile(Map.of("DECISIONS_PASSWORD", "s3cret")::get);

    @Test
    void readsAJdbcAndAPromqlAgent() throws Exception {
        List<AgentConfig> agents = reader.parse("""
                agents:
                  - id: decider
                    metrics:
                      format: jdbc
                      url: jdbc:postgresql://db:5432/agents?currentSchema=trading
                      user: perfopt
                      password: ${DECISIONS_PASSWORD}
                      interval: 30s
                      query: >-
                        select latency_ms as "responseTimeMs" from decisions
                        where ts > now() - interval '30 seconds'
                  - id: market-hunter
                    metrics:
                      format: promql
                      url: http://prometheus:9090
                      queries:
                        responseTimeMs: histogram_quantile(0.95, sum by (le) (rate(latency_bucket[1m])))
                        successRate: 1 - sum(rate(failed_total[1m])) / sum(rate(requests_total[1m]))
                """, "agents.yaml");

        MetricsSource jdbc = agents.get(0).metrics();
        assertThat(jdbc.format()).isEqualTo(MetricsFormat.JDBC);
        assertThat(jdbc.url()).hasToString("jdbc:postgresql://db:5432/agents?currentSchema=trading");
        assertThat(jdbc.user()).isEqualTo("perfopt");
        assertThat(jdbc.password()).isEqualTo("s3cret");
        assertThat(jdbc.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(jdbc.query()).isEqualTo("select latency_ms as \"responseTimeMs\" from decisions "
                + "where ts > now() - interval '30 seconds'");
        assertThat(jdbc.toString()).doesNotContain("s3cret").contains("password=****");
        MetricsSource promql = agents.get(1).metrics();
        assertThat(promql.url()).isEqualTo(URI.create("http://prometheus:9090"));
        assertThat(promql.queries()).containsExactly(
                Map.entry("responseTimeMs", "histogram_quantile(0.95, sum by (le) (rate(latency_bucket[1m])))"),
                Map.entry("successRate", "1 - sum(rate(failed_total[1m])) / sum(rate(requests_total[1m]))"));
    }

    @Test
    void reportsWhatAQueriedSourceLacksOrDoesNotTake() {
        assertThat(problems("""
                agents:
                  - id: a1
                    metrics:
                      format: jdbc
                      url: postgresql://db/agents
                  - id: a2
                    metrics:
                      format: promql
                      url: http://prometheus:9090
                      query: up
                  - id: a3
                    metrics:
                      format: promql
                      url: http://prometheus:9090
                      queries: {}
                      user: me
                  - id: a4
                    metrics:
                      url: http://a4/metrics
                      queries: {cpu: up}
                      password: x
                """)).as("in source order").containsExactly(
                "agents.yaml:4:7: agents[0].metrics.query: required field is missing",
                "agents.yaml:5:7: agents[0].metrics.url: not a JDBC URL \"postgresql://db/agents\"; it starts with jdbc:",
                "agents.yaml:8:7: agents[1].metrics.queries: required field is missing",
                "agents.yaml:10:7: agents[1].metrics.query: applies to format jdbc only, not promql; promql takes "
                        + "queries, a mapping of metric name to PromQL",
                "agents.yaml:15:7: agents[2].metrics.queries: must name at least one metric and its PromQL query",
                "agents.yaml:16:7: agents[2].metrics.user: applies to format jdbc only, not promql",
                "agents.yaml:20:7: agents[3].metrics.queries: applies to format promql only, not json",
                "agents.yaml:21:7: agents[3].metrics.password: applies to format jdbc only, not json");
    }

    private List<String> problems(String yaml) {
        try {
            reader.parse(yaml, "agents.yaml");
            throw new AssertionError("expected problems");
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
    }
}

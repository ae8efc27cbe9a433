package io.perfopt.integration.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.time.ManualClock;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.MetricsSource;
import io.perfopt.integration.collect.AgentCollection;
import io.perfopt.integration.persist.RunningPerfopt;
import io.perfopt.integration.testing.FreePort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A promql agent against Prometheus' API serving answers recorded from a real Prometheus: the
 * numbers reach detection as bottlenecks, and every answer that is not one number is refused
 * alone and counted. {@link RealPrometheusTest} does the same against a running Prometheus.
 */
class PromqlSourceTest {

    static final String P95 = "agent_response_time_ms{agent=\"market-hunter\",quantile=\"0.95\"}";
    static final String SUCCESS = "1 - sum(rate(agent_requests_failed_total{agent=\"market-hunter\"}[30s])) "
            + "/ sum(rate(agent_requests_total{agent=\"market-hunter\"}[30s]))";
    static final String ALL_AGENTS = "agent_response_time_ms{quantile=\"0.95\"}";
    static final String NOBODY = "agent_response_time_ms{agent=\"nobody\"}";
    static final String NAN = "sum(rate(agent_messages_dropped_total{agent=\"market-hunter\"}[30s])) "
            + "/ sum(rate(agent_messages_dropped_total{agent=\"market-hunter\"}[30s]))";

    @TempDir
    Path home;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void recordedAnswersOfARealPrometheusRaiseResponseTimeAndSuccessRateBottlenecks() throws Exception {
        RecordedPrometheus prometheus = new RecordedPrometheus(Map.of(P95, "one-series.json",
                SUCCESS, "success-ratio.json", ALL_AGENTS, "several-series.json", NOBODY, "no-series.json",
                NAN, "nan-vector.json"));
        open.add(prometheus);
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("responseTimeMs", P95);
        queries.put("successRate", SUCCESS);
        queries.put("messageLatencyMs", ALL_AGENTS);
        queries.put("decisionCount", NOBODY);
        queries.put("cpu", NAN);
        queries.put("coordinationScore", "sum(agent_coordination_score{");
        RunningPerfopt perfopt = new RunningPerfopt(ManualClock.startingAtEpochOf2026(), home, Map.of(), List.of(),
                List.of(AgentConfig.of("market-hunter", MetricsSource.promql(prometheus.url(), queries))));
        open.add(perfopt);

        List<Bottleneck> raised = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CycleReport report = perfopt.cycle(Duration.ofSeconds(10));
            raised.addAll(report.bottlenecks());
        }

        assertThat(raised).filteredOn(b -> b.component().equals("market-hunter")).extracting(Bottleneck::type)
                .contains(BottleneckType.RESPONSE_TIME, BottleneckType.SUCCESS_RATE);
        Bottleneck latency = raised.stream().filter(b -> b.type() == BottleneckType.RESPONSE_TIME).findFirst()
                .orElseThrow();
        assertThat(latency.evidence().get("p95")).isEqualTo(2782.643581435015);
        assertThat(prometheus.requests.get()).as("six queries per cycle").isEqualTo(30);
        AgentCollection collection = perfopt.app.collection().of("market-hunter");
        assertThat(collection.polls()).isEqualTo(5);
        assertThat(collection.failures()).isZero();
        assertThat(collection.samplesAccepted()).isEqualTo(10);
        assertThat(collection.samplesRejected()).isEqualTo(20);
        assertThat(collection.problems()).containsEntry("invalid-value", 20L);
        assertThat(collection.lastError()).isEqualTo("agent market-hunter: metric coordinationScore: Prometheus "
                + "answered bad_data: invalid parameter \"query\": 1:28: parse error: unexpected end of input inside "
                + "braces (HTTP 400)");
    }

    @Test
    void aPrometheusServerThatCannotBeReachedIsACollectionFailureOfTheAgent() throws Exception {
        var url = java.net.URI.create("http://127.0.0.1:" + FreePort.pick());
        RunningPerfopt perfopt = new RunningPerfopt(ManualClock.startingAtEpochOf2026(), home, Map.of(), List.of(),
                List.of(AgentConfig.of("market-hunter", MetricsSource.promql(url, Map.of("responseTimeMs", P95)))));
        open.add(perfopt);

        perfopt.cycle(Duration.ofSeconds(10));

        AgentCollection collection = perfopt.app.collection().of("market-hunter");
        assertThat(collection.consecutiveFailures()).isEqualTo(1);
        assertThat(collection.problems()).containsEntry("unreachable", 1L);
        assertThat(collection.lastError()).contains("cannot connect to the Prometheus server " + url);
    }
}

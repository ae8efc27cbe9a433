package io.perfopt.integration.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.time.ManualClock;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.MetricsSource;
import io.perfopt.integration.persist.RunningPerfopt;
import io.perfopt.integration.testing.FreePort;
import io.perfopt.simulator.SimulatedFleet;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A promql agent against a real Prometheus (the {@code prometheus} binary on the PATH, or
 * {@code PERFOPT_TEST_PROMETHEUS}) that scrapes the simulated market-hunter in real time: its
 * slow p95 and low success rate reach detection as bottlenecks. Skipped, saying so, where no
 * Prometheus is installed; {@link PromqlSourceTest} covers the same path with recorded answers.
 */
class RealPrometheusTest {

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private Process prometheus;

    @AfterEach
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor();
        }
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private static Optional<Path> binary() {
        String configured = System.getenv("PERFOPT_TEST_PROMETHEUS");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(entry, "prometheus");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Test
    void slowAndFailingMarketHunterSeenThroughPrometheusRaisesBottlenecks() throws Exception {
        Path binary = binary().orElse(null);
        Assumptions.assumeTrue(binary != null, "no prometheus binary on the PATH (nor PERFOPT_TEST_PROMETHEUS): "
                + "the real-Prometheus test is skipped; PromqlSourceTest covers the source with recorded answers");
        // the fleet runs in real time: Prometheus scrapes it on the wall clock
        SimulatedFleet fleet = SimulatedFleet.demo(Clock.systemUTC(), 42);
        open.add(fleet);
        fleet.start(0);
        URI target = fleet.prometheusUri("market-hunter");
        int port = FreePort.pick();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: market-hunter
                    metrics_path: %s
                    static_configs:
                      - targets: ['%s:%d']
                """.formatted(target.getPath(), target.getHost(), target.getPort()));
        prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        URI server = URI.create("http://127.0.0.1:" + port);
        String p95 = "max(agent_response_time_ms{agent=\"market-hunter\",quantile=\"0.95\"})";
        String success = "max(agent_success_ratio{agent=\"market-hunter\"})";
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> http.send(HttpRequest.newBuilder(
                PromqlSource.queryUri(server, success)).build(), HttpResponse.BodyHandlers.ofString()).body()
                .contains("\"value\""));

        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("responseTimeMs", p95);
        queries.put("successRate", success);
        RunningPerfopt perfopt = new RunningPerfopt(ManualClock.startingAtEpochOf2026(), dir, Map.of(), List.of(),
                List.of(AgentConfig.of("market-hunter", MetricsSource.promql(server, queries))));
        open.add(perfopt);
        List<Bottleneck> raised = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            raised.addAll(perfopt.cycle(Duration.ofSeconds(10)).bottlenecks());
        }

        assertThat(raised).filteredOn(b -> b.component().equals("market-hunter")).extracting(Bottleneck::type)
                .contains(BottleneckType.RESPONSE_TIME, BottleneckType.SUCCESS_RATE);
        assertThat(perfopt.app.collection().of("market-hunter").samplesAccepted()).isEqualTo(12);
        assertThat(perfopt.app.collection().of("market-hunter").samplesRejected()).isZero();
    }
}

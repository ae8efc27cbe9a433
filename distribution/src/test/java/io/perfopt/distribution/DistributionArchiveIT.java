package io.perfopt.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfopt.simulator.SimulatedFleet;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive as a user gets it: unpacked into an empty directory, configured with an
 * agents.yaml naming the simulated fleet, started with {@code bin/perfopt run}, watched through
 * its API until a cycle ran, and stopped with SIGTERM: exit 0, no stack trace, database closed.
 */
class DistributionArchiveIT {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private SimulatedFleet fleet;
    private Process perfopt;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (perfopt != null && perfopt.isAlive()) {
            perfopt.destroyForcibly();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void theArchiveRunsAgainstTheSimulatedFleetAndStopsCleanly() throws Exception {
        Path home = unpack(archive());
        fleet = SimulatedFleet.demo(Clock.systemUTC(), 42);
        fleet.start(0);
        Files.writeString(home.resolve("conf/agents.yaml"), agentsYaml());
        int port = freePort();
        Path log = dir.resolve("perfopt.out");

        ProcessBuilder run = new ProcessBuilder(home.resolve("bin/perfopt").toString(), "run")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        run.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // the user's own settings, written after the shipped defaults: the later value of a key wins
        Files.writeString(home.resolve("conf/perfopt.properties"), "\nperfopt.api.port=" + port
                + "\nperfopt.cycle.cron=0/2 * * * * ?\nperfopt.agents.stale-after=30s\n",
                java.nio.file.StandardOpenOption.APPEND);
        perfopt = run.start();

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .ignoreException(java.net.ConnectException.class).untilAsserted(() -> {
            assertThat(perfopt.isAlive()).as("perfopt is running; its output:\n" + Files.readString(log)).isTrue();
            assertThat(status(port).path("cycles").asLong()).isGreaterThanOrEqualTo(1);
        });
        JsonNode agents = json.readTree(get(port, "/api/agents").body());
        assertThat(agents.findValuesAsText("id")).contains("market-hunter", "narrative-architect");
        assertThat(get(port, "/api/plugins").body()).contains("latency-optimizer");

        perfopt.destroy(); // SIGTERM
        assertThat(perfopt.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();

        String output = Files.readString(log);
        assertThat(perfopt.exitValue()).as(output).isZero();
        assertThat(output).contains("stopped; database closed");
        assertThat(output).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(home.resolve("data")).isDirectoryContaining(p -> p.getFileName().toString().startsWith("perfopt"));
    }

    private String agentsYaml() {
        StringBuilder yaml = new StringBuilder("agents:\n");
        fleet.agents().forEach(agent -> yaml.append("  - id: ").append(agent.id()).append('\n')
                .append("    class: ").append(agent.agentClass()).append('\n')
                .append("    metrics:\n")
                .append("      format: json\n")
                .append("      url: ").append(fleet.metricsUri(agent.id())).append('\n')
                .append("      interval: 1s\n")
                .append("    control:\n")
                .append("      url: ").append(fleet.controlUri(agent.id())).append('\n')
                .append("      token: ").append(fleet.tokens().get(agent.id())).append('\n'));
        return yaml.toString();
    }

    private JsonNode status(int port) throws Exception {
        HttpResponse<String> answer = get(port, "/api/status");
        assertThat(answer.statusCode()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Path archive() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("perfopt-.*\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no perfopt-*.tar.gz in target/: run mvn verify"));
        }
    }

    private Path unpack(Path archive) throws Exception {
        Process tar = new ProcessBuilder("tar", "xzf", archive.toAbsolutePath().toString(), "-C", dir.toString())
                .inheritIO().start();
        assertThat(tar.waitFor()).isZero();
        try (Stream<Path> unpacked = Files.list(dir)) {
            return unpacked.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

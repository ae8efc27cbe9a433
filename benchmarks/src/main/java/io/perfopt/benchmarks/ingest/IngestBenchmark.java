package io.perfopt.benchmarks.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfopt.api.time.ManualClock;
import io.perfopt.benchmarks.report.Args;
import io.perfopt.benchmarks.report.FreePort;
import io.perfopt.benchmarks.report.Machine;
import io.perfopt.benchmarks.report.Spread;
import io.perfopt.engine.plan.PluginSource;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.MetricsSource;
import io.perfopt.integration.app.PerfoptApplication;
import io.perfopt.integration.app.PerfoptSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The push route end to end: batches POSTed to {@code /api/metrics} of an in-process perfopt
 * (Camel platform-http, the bearer check, the ingest bean, validation, the metric windows),
 * against the machine's ceiling on the same payloads: a bare JDK HttpServer reading them with
 * Jackson and nothing else. Both are driven by the same closed-loop generator in the same JVM,
 * in alternating rounds, so that both see the same noise; perfopt is quoted as a ratio of the
 * ceiling per round.
 *
 * <pre>
 * benchmarks/run.sh ingest.IngestBenchmark --rounds 5 --seconds 10 --connections 8 --documents 20 --latencies 50
 * </pre>
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    /** Samples per second of each round, for perfopt and for the ceiling. */
    public record Result(List<Double> perfopt, List<Double> ceiling, long samplesPerBody, int bodyBytes,
                         long storedSamples) {
        public Spread perfoptSpread() {
            return Spread.of(perfopt);
        }

        public Spread ceilingSpread() {
            return Spread.of(ceiling);
        }

        public Spread ratio() {
            double[] r = new double[perfopt.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = perfopt.get(i) / ceiling.get(i);
            }
            return Spread.of(r);
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        Result r = run(args.integer("rounds", 5), Duration.ofSeconds(args.integer("seconds", 10)),
                Duration.ofSeconds(args.integer("warmup", 5)), args.integer("connections", 8),
                args.integer("documents", 20), args.integer("latencies", 50), args.integer("agents", 100));
        System.out.println("# ingest: " + Machine.describe());
        System.out.printf(Locale.ROOT, "body: %d samples, %d bytes; samples now in perfopt's windows: %,d%n",
                r.samplesPerBody(), r.bodyBytes(), r.storedSamples());
        System.out.println("| target | samples/s | ");
        System.out.println("|---|---|");
        System.out.println("| perfopt POST /api/metrics | " + r.perfoptSpread().describe("%,.0f") + " |");
        System.out.println("| bare JDK HttpServer + Jackson | " + r.ceilingSpread().describe("%,.0f") + " |");
        System.out.println("| perfopt / ceiling | " + r.ratio().describe("%.2f") + " |");
    }

    public static Result run(int rounds, Duration seconds, Duration warmup, int connections, int documents,
                             int latencies, int agents) throws Exception {
        io.perfopt.benchmarks.report.JdkHttpServers.noDelay();
        ManualClock clock = ManualClock.startingAtEpochOf2026();
        List<byte[]> bodies = PushPayloads.batches(16, documents, latencies, agents, clock.instant(), 42);
        long perBody = samplesIn(bodies.get(0));
        String token = "bench-token";
        int port = FreePort.pick();
        Map<String, String> settings = new HashMap<>(Map.of(
                "perfopt.api.port", String.valueOf(port),
                "perfopt.api.token", token,
                "perfopt.api.host", "127.0.0.1",
                "perfopt.cycle.enabled", "false",
                "perfopt.collect.scheduled", "false",
                "perfopt.agents.file", "does-not-exist.yaml"));
        // perfopt keeps its history in a database: an in-memory one of its own per run here
        settings.put("perfopt.db.url", "jdbc:h2:mem:bench-" + java.util.UUID.randomUUID());
        var builder = PerfoptApplication.builder().clock(clock).settings(PerfoptSettings.defaultsOnly().with(settings))
                .plugins(PluginSource.of(List.of()));
        for (int a = 0; a < agents; a++) {
            builder.agent(AgentConfig.of(PushPayloads.agentId(a), MetricsSource.push()));
        }
        List<Double> perfopt = new ArrayList<>();
        List<Double> ceiling = new ArrayList<>();
        long stored;
        try (PerfoptApplication app = builder.build().start();
             BareJacksonServer bare = new BareJacksonServer(0, 2 * Runtime.getRuntime().availableProcessors())) {
            URI perfoptUri = URI.create("http://127.0.0.1:" + port + "/api/metrics");
            URI bareUri = URI.create("http://127.0.0.1:" + bare.port() + "/api/metrics");
            checkAccepted(perfoptUri, token, bodies.get(0), perBody);
            PushLoad perfoptLoad = new PushLoad(bodies, perBody, connections, token);
            PushLoad bareLoad = new PushLoad(bodies, perBody, connections, null);
            perfoptLoad.run(perfoptUri, warmup);
            bareLoad.run(bareUri, warmup);
            for (int r = 0; r < rounds; r++) {
                perfopt.add(checked(perfoptLoad.run(perfoptUri, seconds)).samplesPerSecond());
                ceiling.add(checked(bareLoad.run(bareUri, seconds)).samplesPerSecond());
            }
            stored = 0;
            for (int a = 0; a < agents; a++) {
                var view = app.loop().metrics().view(PushPayloads.agentId(a));
                for (String metric : view.metrics()) {
                    stored += view.summary(metric).orElseThrow().count();
                }
            }
        }
        return new Result(perfopt, ceiling, perBody, bodies.get(0).length, stored);
    }

    private static PushLoad.Outcome checked(PushLoad.Outcome outcome) {
        if (outcome.failures() > 0) {
            throw new IllegalStateException(outcome.failures() + " pushes failed, the first: "
                    + outcome.firstFailure());
        }
        return outcome;
    }

    /** perfopt must accept every sample of the body, or the comparison is off. */
    private static void checkAccepted(URI uri, String token, byte[] body, long expected)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = new ObjectMapper().readTree(answer.body());
        long accepted = 0;
        for (JsonNode n : json.path("accepted")) {
            accepted += n.asLong();
        }
        if (answer.statusCode() != 200 || accepted != expected || json.path("rejected").size() > 0) {
            throw new IllegalStateException("perfopt accepted " + accepted + " of " + expected + " samples: "
                    + answer.statusCode() + " " + answer.body());
        }
    }

    static long samplesIn(byte[] body) throws IOException {
        long count = 0;
        for (JsonNode doc : new ObjectMapper().readTree(body)) {
            count += doc.path("metrics").size();
            for (Iterator<JsonNode> it = doc.path("samples").elements(); it.hasNext(); ) {
                count += it.next().size();
            }
        }
        return count;
    }
}

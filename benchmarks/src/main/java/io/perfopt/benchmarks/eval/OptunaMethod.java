package io.perfopt.benchmarks.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Optuna's TPE sampler ({@code benchmarks/optuna_tpe.py}) in a Python process, driving the
 * fleet through the agent protocol over HTTP and the simulated clock through a
 * {@link ClockServer}; its changes come back as JSON lines.
 */
public final class OptunaMethod {

    private OptunaMethod() {
    }

    /**
     * The interpreter: {@code $PERFOPT_PYTHON}, else Debian's {@code /usr/bin/python3} (where
     * python3-optuna installs, whatever {@code python3} on the PATH is), else {@code python3}.
     */
    static String python() {
        String chosen = System.getenv("PERFOPT_PYTHON");
        if (chosen != null && !chosen.isBlank()) {
            return chosen;
        }
        return java.nio.file.Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /** Whether the interpreter can {@code import optuna}. */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder(python(), "-c", "import optuna").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static MethodRun run(SurfaceFleet fleet, int budget, long seed) throws Exception {
        return run(fleet, budget, seed, ModuleFiles.optunaScript());
    }

    static MethodRun run(SurfaceFleet fleet, int budget, long seed, Path script) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Map<String, Double>> starts = new LinkedHashMap<>();
        fleet.starts().forEach((a, c) -> starts.put(a, c.values()));
        // keep the agents' order: the script moves them in lockstep in this order
        Map<String, Map<String, Double>> ordered = new LinkedHashMap<>();
        fleet.agentIds().forEach(a -> ordered.put(a, starts.get(a)));
        Map<String, List<ChangeRecord>> changes = new HashMap<>();
        fleet.agentIds().forEach(a -> changes.put(a, new ArrayList<>()));
        StringBuilder errors = new StringBuilder();
        try (ClockServer clock = new ClockServer(fleet.clock())) {
            Process python = new ProcessBuilder(python(), script.toString(), "--base", fleet.baseUri().toString(),
                    "--clock", clock.baseUri().toString(), "--starts", json.writeValueAsString(ordered),
                    "--token-prefix", SurfaceFleet.TOKEN_PREFIX, "--budget", String.valueOf(budget),
                    "--seed", String.valueOf(seed)).start();
            Thread stderr = new Thread(() -> {
                try {
                    errors.append(new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    errors.append(e);
                }
            });
            stderr.start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(python.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    JsonNode n = json.readTree(line);
                    String agent = n.get("agent").asText();
                    changes.get(agent).add(new ChangeRecord(agent, Instant.parse(n.get("at").asText()),
                            config(n.get("before")), config(n.get("candidate")), n.get("kept").asBoolean()));
                }
            }
            if (!python.waitFor(10, TimeUnit.MINUTES) || python.exitValue() != 0) {
                python.destroyForcibly();
                stderr.join(5000);
                throw new IllegalStateException("optuna_tpe.py failed: " + errors);
            }
            stderr.join(5000);
        }
        return new MethodRun("optuna", seed, fleet.starts(), changes, fleet.clock().instant(), "");
    }

    private static Config config(JsonNode node) {
        return Config.of(node.get(Config.POOL).asDouble(), node.get(Config.PREFETCH).asDouble(),
                node.get(Config.COMPRESSION).asDouble(), node.get(Config.FLUSH).asDouble());
    }
}

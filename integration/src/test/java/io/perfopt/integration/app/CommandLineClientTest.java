package io.perfopt.integration.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.integration.api.Json;
import io.perfopt.integration.testing.CachePlugin;
import io.perfopt.integration.testing.FreePort;
import io.perfopt.integration.testing.SimulatedFleetRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The perfopt client commands against a real node optimizing the simulated fleet. */
class CommandLineClientTest {

    private static final String TOKEN = "cli-token";

    private SimulatedFleetRun run;

    @BeforeEach
    void start() throws Exception {
        run = new SimulatedFleetRun(Map.of("perfopt.api.token", TOKEN), List.of(CachePlugin.risky("risky-cache")));
    }

    @AfterEach
    void stop() {
        run.close();
    }

    private String url() {
        return "http://127.0.0.1:" + run.perfopt.port();
    }

    /** The command with this node's URL and token. */
    private CliRun perfopt(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--url", url(), "--token", TOKEN));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Two cycles: the risky cache change on market-hunter waits for approval. */
    private String waitingStrategy() throws Exception {
        run.perfopt.cycle(Duration.ofSeconds(10));
        run.perfopt.cycle(Duration.ofSeconds(10));
        for (JsonNode waiting : Json.mapper().readTree(run.perfopt.get("/api/approvals").body())) {
            if (waiting.get("agentId").asText().equals("market-hunter")) {
                return waiting.get("id").asText();
            }
        }
        throw new AssertionError("no strategy of market-hunter waits for approval");
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    @Test
    void statusShowsTheNodeAtAGlance() throws Exception {
        run.perfopt.cycle(Duration.ofSeconds(10));

        CliRun status = perfopt("status");

        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.err()).isEmpty();
        assertThat(status.out()).contains("node          node-1 (perfopt 0.1.0)")
                .contains("cycles        1, the last at 2026-")
                .contains("control       running, aggressiveness 1.0")
                .contains("agents        5: 5 fresh, 0 stale, 0 never seen, 0 failing")
                .contains("autonomy      80.0 %");
    }

    @Test
    void jsonPrintsTheNodesAnswerForScripts() throws Exception {
        run.perfopt.cycle(Duration.ofSeconds(10));

        CliRun status = perfopt("status", "--json");

        assertThat(status.exitCode()).as(status.toString()).isZero();
        JsonNode json = Json.mapper().readTree(status.out());
        assertThat(json.get("node").asText()).isEqualTo("node-1");
        assertThat(json.get("cycles").asLong()).isEqualTo(1);
        assertThat(Json.mapper().readTree(perfopt("agents", "--json").out())).hasSize(5);
    }

    @Test
    void agentsAreOneAlignedLinePerAgent() throws Exception {
        run.perfopt.cycle(Duration.ofSeconds(10));
        run.perfopt.cycle(Duration.ofSeconds(10));

        CliRun agents = perfopt("agents");

        assertThat(agents.exitCode()).as(agents.toString()).isZero();
        List<String> lines = lines(agents.out());
        assertThat(lines).hasSize(1 + 5);
        String header = lines.get(0);
        assertThat(header).startsWith("AGENT").contains("FRESHNESS").contains("SAMPLES").contains("BOTTLENECKS");
        int freshness = header.indexOf("FRESHNESS");
        for (String row : lines.subList(1, lines.size())) {
            assertThat(row.substring(freshness)).as(row).startsWith("fresh");
            assertThat(row).doesNotEndWith(" ");
        }
        assertThat(agents.out()).contains("market-hunter").contains("response_time (");
    }

    @Test
    void optimizationsAreFilteredByAgentAndVerdict() throws Exception {
        waitingStrategy();

        CliRun waiting = perfopt("optimizations", "--agent", "market-hunter", "--verdict", "awaiting_approval");
        CliRun improved = perfopt("optimizations", "--verdict", "improved");
        CliRun json = perfopt("optimizations", "--agent", "market-hunter", "--limit", "1", "--json");

        assertThat(waiting.exitCode()).as(waiting.toString()).isZero();
        assertThat(lines(waiting.out()).get(0)).startsWith("TIME").contains("VERDICT").contains("IMPROVEMENT");
        assertThat(lines(waiting.out()).get(1)).contains("market-hunter").contains("risky-cache")
                .contains("awaiting_approval").contains("cache.size");
        assertThat(improved.out().strip()).isEqualTo("no optimization results match");
        JsonNode results = Json.mapper().readTree(json.out());
        assertThat(results).hasSize(1);
        assertThat(results.get(0).at("/strategy/target").asText()).isEqualTo("market-hunter");
    }

    @Test
    void anUnknownVerdictOrLimitIsAUsageError() {
        CliRun verdict = perfopt("optimizations", "--verdict", "splendid");
        CliRun limit = perfopt("optimizations", "--limit", "0");

        assertThat(verdict.exitCode()).isEqualTo(2);
        assertThat(verdict.err()).contains("unknown verdict splendid").contains("improved");
        assertThat(limit.exitCode()).isEqualTo(2);
        assertThat(limit.err()).contains("--limit must be within 1..1000");
    }

    @Test
    void approvalsListTheWaitingStrategyAndApproveLetsItRun() throws Exception {
        String id = waitingStrategy();

        CliRun approvals = perfopt("approvals");
        CliRun approve = perfopt("approve", id);
        // an approved change runs once its agent has a whole baseline window (60 s) observed
        for (int i = 0; i < 6 && run.fleet.agent("market-hunter").knob("cache.size").value() != 4000; i++) {
            run.perfopt.cycle(Duration.ofSeconds(10));
        }

        assertThat(approvals.exitCode()).as(approvals.toString()).isZero();
        assertThat(lines(approvals.out()).get(0)).startsWith("STRATEGY").contains("RISK").contains("ALLOWED");
        assertThat(approvals.out()).contains(id).contains("market-hunter").contains("risky-cache");
        assertThat(approve.exitCode()).as(approve.toString()).isZero();
        assertThat(approve.out()).startsWith("approve: ").contains("approved");
        assertThat(run.fleet.agent("market-hunter").knob("cache.size").value()).isEqualTo(4000);
    }

    @Test
    void rejectDropsTheStrategyAndARepeatIsTheNodesError() throws Exception {
        String id = waitingStrategy();

        CliRun reject = perfopt("reject", id, "--reason", "not during trading hours");
        CliRun again = perfopt("reject", id);

        assertThat(reject.exitCode()).as(reject.toString()).isZero();
        assertThat(reject.out()).startsWith("reject: ");
        assertThat(perfopt("approvals").out()).doesNotContain(id);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("perfopt reject: perfopt answered POST /api/commands with 409");
    }

    @Test
    void commandSendsItsFieldsWithNumbersAsNumbers() throws Exception {
        CliRun focus = perfopt("command", "focus-agent", "agentId=market-hunter", "cycles=3");
        CliRun pause = perfopt("command", "pause");

        assertThat(focus.exitCode()).as(focus.toString()).isZero();
        assertThat(focus.out()).startsWith("focus-agent: ");
        assertThat(pause.exitCode()).isZero();
        String control = run.perfopt.perfopt.loop().status().control();
        assertThat(control).contains("paused").contains("focus on market-hunter");
    }

    @Test
    void aMalformedCommandIsAUsageErrorAndAWrongOneTheNodesError() {
        CliRun malformed = perfopt("command", "focus-agent", "market-hunter");
        CliRun wrong = perfopt("command", "pause", "force=1");

        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("a command field is key=value, got \"market-hunter\"");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("400").contains("command pause takes no field force");
    }

    @Test
    void withoutTheTokenTheNodeRefusesWithExitCode4() {
        CliRun anonymous = CliRun.of("status", "--url", url());
        CliRun wrong = CliRun.of("agents", "--url", url(), "--token", "guess");

        assertThat(anonymous.exitCode()).as(anonymous.toString()).isEqualTo(4);
        assertThat(anonymous.err()).contains("refused GET /api/status").contains("missing bearer token")
                .contains("--token").contains("PERFOPT_TOKEN");
        assertThat(anonymous.out()).isEmpty();
        assertThat(wrong.exitCode()).isEqualTo(4);
        assertThat(wrong.err()).contains("invalid bearer token");
    }

    @Test
    void anUnreachableNodeIsExitCode1WithWhatToCheck() {
        int closed = FreePort.pick();

        CliRun status = CliRun.of("status", "--url", "http://127.0.0.1:" + closed, "--token", TOKEN);

        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.err()).contains("cannot reach perfopt at http://127.0.0.1:" + closed + "/")
                .contains("Is it running").contains("--url");
    }

    @Test
    void theNodeAndTokenDefaultToTheInstallationsConfiguration(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Path properties = home.resolve("conf/perfopt.properties");
        Files.writeString(properties, "perfopt.api.port=" + run.perfopt.port() + "\nperfopt.api.token=" + TOKEN + "\n");

        CliRun fromConf = CliRun.of("--home", home.toString(), "status");
        Files.writeString(properties, "perfopt.api.port=" + run.perfopt.port() + "\n");
        CliRun fromEnvironment = CliRun.of(Map.of("PERFOPT_TOKEN", TOKEN), "--home", home.toString(), "agents");
        CliRun fromHomeVariable = CliRun.of(Map.of("PERFOPT_HOME", home.toString(), "PERFOPT_TOKEN", TOKEN), "approvals");

        assertThat(fromConf.exitCode()).as(fromConf.toString()).isZero();
        assertThat(fromConf.out()).contains("node-1");
        assertThat(fromEnvironment.exitCode()).as(fromEnvironment.toString()).isZero();
        assertThat(fromHomeVariable.exitCode()).as(fromHomeVariable.toString()).isZero();
    }

    @Test
    void pluginsGivenInCodeAreNotAPluginDirectory() {
        CliRun list = perfopt("plugins", "list");
        CliRun enable = perfopt("plugins", "enable", "latency");
        CliRun bare = CliRun.of("plugins");

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("no plugins loaded");
        assertThat(enable.exitCode()).isEqualTo(1);
        assertThat(enable.err()).contains("404").contains("loads no plugin directory");
        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.err()).contains("list, enable ID, disable ID, reload ID or rescan");
    }

    @Test
    void everyCommandExplainsItselfAndItsExitCodes() {
        List<List<String>> commands = List.of(List.of("status"), List.of("agents"), List.of("optimizations"),
                List.of("plugins", "list"), List.of("plugins", "enable"), List.of("plugins", "rescan"),
                List.of("approvals"), List.of("approve"), List.of("reject"), List.of("command"));
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            CliRun help = CliRun.of(args.toArray(String[]::new));
            assertThat(help.exitCode()).as(command.toString()).isZero();
            assertThat(help.out()).as(command.toString()).contains("--url").contains("--token").contains("--json")
                    .contains("Exit codes:").contains("4   not authorized");
        }
        CliRun top = CliRun.of("--help");
        assertThat(top.out()).contains("status").contains("config").contains("simulator").contains("Exit codes:");
        assertThat(CliRun.of("config", "check", "--help").out()).contains("3   the configuration has problems");
        assertThat(CliRun.of("simulator", "--help").out()).contains("--fleet").contains("--scale");
    }

    @Test
    void aBadSimulatorOptionIsAUsageErrorBeforeAnythingStarts() {
        CliRun fleet = CliRun.of("simulator", "--fleet", "huge");

        assertThat(fleet.exitCode()).isEqualTo(2);
        assertThat(fleet.err()).contains("--fleet must be demo, surface or none, got huge");
    }
}

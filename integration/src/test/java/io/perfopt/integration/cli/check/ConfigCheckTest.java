package io.perfopt.integration.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.integration.cli.PerfoptCli;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** perfopt config check on an installation's conf/: OK lines, or each problem with its file and line. */
class ConfigCheckTest {

    private static final List<String> ROUTES = List.of("api.yaml", "collect.yaml", "cycle.yaml", "observe.yaml");

    @TempDir
    Path home;

    private record Outcome(int exitCode, String out, String err) {
    }

    /** An installation as the distribution ships it, with a small fleet. */
    @BeforeEach
    void install() throws IOException {
        Files.createDirectories(home.resolve("conf/routes"));
        copy("perfopt-defaults/perfopt.properties", home.resolve("conf/perfopt.properties"));
        for (String route : ROUTES) {
            copy("perfopt-defaults/routes/" + route, home.resolve("conf/routes/" + route));
        }
        write("conf/agents.yaml", """
                agents:
                  - id: market-hunter
                    class: market-hunter
                    metrics:
                      url: http://127.0.0.1:9100/agents/market-hunter/metrics
                      interval: 5s
                    control:
                      url: http://127.0.0.1:9100/agents/market-hunter/control
                  - id: observed-only
                    metrics:
                      format: push
                """);
    }

    private void copy(String resource, Path to) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, to);
        }
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(home.resolve(file), text);
    }

    private Outcome check() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PerfoptCli().withEnvironment(name -> null));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("--home", home.toString(), "config", "check");
        return new Outcome(code, out.toString(), err.toString());
    }

    private String conf(String file) {
        return home.resolve("conf").resolve(file).toString();
    }

    @Test
    void aSoundInstallationIsOneOkLinePerFile() {
        Outcome check = check();

        assertThat(check.exitCode()).as(check.toString()).isZero();
        List<String> lines = check.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches(java.util.regex.Pattern.quote(conf("perfopt.properties"))
                + ": OK \\(\\d+ of \\d+ perfopt settings set here\\)");
        assertThat(lines.get(1)).isEqualTo(conf("agents.yaml") + ": OK (2 agents, 1 with a control endpoint)");
        // as many files and routes as the defaults ship, whatever they are
        assertThat(lines.get(2)).matches(java.util.regex.Pattern.quote(conf("routes"))
                + ": OK \\(\\d+ route files, \\d+ routes\\)");
        assertThat(check.out()).contains("perfopt settings set here");
        assertThat(check.err()).isEmpty();
    }

    @Test
    void aBrokenAgentsFileIsReportedWithTheLineOfEachProblem() throws IOException {
        write("conf/agents.yaml", """
                agents:
                  - id: market-hunter
                    metrics:
                      url: http://127.0.0.1:9100/agents/market-hunter/metrics
                      interval: soon
                    control:
                      url: htp:/nowhere
                """);

        Outcome check = check();

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(3);
        assertThat(check.out()).contains(conf("agents.yaml") + ":5:")
                .contains("agents[0].metrics.interval")
                .contains(conf("agents.yaml") + ":7:").contains("agents[0].control.url");
        assertThat(check.out()).contains(conf("perfopt.properties") + ": OK").contains(conf("routes") + ": OK");
        assertThat(check.err()).contains("2 problems in 1 file");
    }

    @Test
    void agentsYamlThatIsNotYamlIsReportedWhereTheParserStopped() throws IOException {
        write("conf/agents.yaml", "agents:\n  - id: a\n    metrics: {url: \"http://x\n");

        Outcome check = check();

        assertThat(check.exitCode()).isEqualTo(3);
        assertThat(check.out()).containsPattern(java.util.regex.Pattern.quote(conf("agents.yaml")) + ":[34]:\\d+: not valid YAML");
    }

    @Test
    void aBrokenRouteFileIsReportedWithItsLine() throws IOException {
        write("conf/routes/custom.yaml", """
                - route:
                    id: custom
                    description: my own route
                    from:
                      uri: "timer:tick"
                      steps:
                        - frobnicate:
                            x: 1
                """);

        Outcome check = check();

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(3);
        assertThat(check.out()).contains(conf("routes/custom.yaml") + ":7:11: Unknown node id: frobnicate");
    }

    @Test
    void aRouteFileThatIsNotYamlAndADuplicateRouteAreReported() throws IOException {
        write("conf/routes/broken.yaml", "- route:\n    id: x\n    from:\n      uri: \"timer:x\n");
        write("conf/routes/twin.yaml", """
                - route:
                    id: api-status
                    from:
                      uri: "timer:tick"
                      steps:
                        - log: "tick"
                """);

        Outcome check = check();

        assertThat(check.exitCode()).isEqualTo(3);
        assertThat(check.out()).containsPattern(java.util.regex.Pattern.quote(conf("routes/broken.yaml"))
                + ":\\d+:\\d+: while scanning a quoted scalar")
                .contains(conf("routes/twin.yaml") + ":1: route api-status: duplicate route id; already defined at "
                        + conf("routes/api.yaml") + ":")
                .contains(conf("routes/twin.yaml") + ":1: route api-status: no description");
    }

    @Test
    void badSettingsAreReportedOnTheirLinesWithTheClosestKnownKeyForATypo() throws IOException {
        write("conf/perfopt.properties", """
                # my settings
                perfopt.judge.alpha=often
                perfopt.detetcion.window=30s
                perfopt.autonomy.floor=2
                perfopt.cycle.cron=every five minutes
                camel.metrics.enabeld=true
                perfopt.api.port=99999
                perfopt.observe.access=public
                perfopt.cycle.enabled=yes
                """);

        Outcome check = check();

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(3);
        String file = conf("perfopt.properties");
        assertThat(check.out()).contains(file + ":2:21: perfopt.judge.alpha: must be a number, got \"often\"")
                .contains(file + ":3:1: perfopt.detetcion.window: unknown setting; did you mean perfopt.detection.window?")
                .contains(file + ":4:24: perfopt.autonomy.floor: autonomy needs 0.5 <= floor <= ceiling <= 1")
                .contains(file + ":5:20: perfopt.cycle.cron: not a Quartz cron expression")
                .contains(file + ":6:1: camel.metrics.enabeld: unknown Camel option; did you mean camel.metrics.enabled?")
                .contains(file + ":7:18: perfopt.api.port: must be a port within 0..65535")
                .contains(file + ":8:24: perfopt.observe.access: must be one of local, open, token, got \"public\"")
                .contains(file + ":9:23: perfopt.cycle.enabled: must be true or false, got \"yes\"");
        assertThat(check.err()).contains("8 problems in 1 file");
    }

    @Test
    void detectionThreadsAreAWholeNumberTheEngineAccepts() throws IOException {
        write("conf/perfopt.properties", """
                perfopt.detection.threads=-2
                """);

        Outcome check = check();

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(3);
        assertThat(check.out()).contains(conf("perfopt.properties")
                + ":1:27: perfopt.detection.threads: detectionThreads must be >= 1, got -2");
    }

    @Test
    void aSettingWrittenTwiceIsCheckedWhereTheValueThatCountsIs() throws IOException {
        write("conf/perfopt.properties", "perfopt.judge.alpha=0.05\n# later\nperfopt.judge.alpha=often\n");

        Outcome check = check();

        String file = conf("perfopt.properties");
        assertThat(check.out()).contains(file + ":3:1: perfopt.judge.alpha: set again (first at line 1)")
                .contains(file + ":3:21: perfopt.judge.alpha: must be a number, got \"often\"")
                .doesNotContain(file + ":1:");
    }

    @Test
    void settingsThatContradictEachOtherAreReportedTogether() throws IOException {
        write("conf/perfopt.properties", "perfopt.autonomy.floor=0.9\nperfopt.autonomy.ceiling=0.85\n");

        Outcome check = check();

        assertThat(check.exitCode()).isEqualTo(3);
        assertThat(check.out()).contains(conf("perfopt.properties")
                + ": autonomy needs 0.5 <= floor <= ceiling <= 1, got floor 0.9 and ceiling 0.85");
    }

    @Test
    void anInstallationWithoutConfigurationRunsOnDefaults() throws IOException {
        Path empty = Files.createDirectories(home.resolve("empty"));
        home = empty;

        Outcome check = check();

        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).contains("perfopt.properties: OK (not found: the built-in defaults apply)")
                .contains("agents.yaml: OK (not found: perfopt starts with no declared agents")
                .contains("routes: OK (not found: the built-in routes apply)");
    }
}

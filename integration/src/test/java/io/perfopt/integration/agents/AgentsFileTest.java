package io.perfopt.integration.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perfopt.integration.ingest.MappingRule;
import io.perfopt.integration.ingest.PrometheusMapping;
import io.perfopt.integration.ingest.SeriesSelector;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentsFileTest {

    private final AgentsFile reader = new AgentsFile(Map.of("MH_TOKEN", "s3cret")::get);

    @Test
    void readsTheSampleFleetWithDefaultsAndSubstitutions() throws Exception {
        List<AgentConfig> agents = reader.parse(resource("agents.yaml"), "agents.yaml");

        assertThat(agents).extracting(AgentConfig::id).containsExactly("market-hunter", "news-digest", "batch.reporter_2");

        AgentConfig hunter = agents.get(0);
        assertThat(hunter.agentClass()).isEqualTo("market-hunter");
        assertThat(hunter.tags()).containsExactlyInAnyOrder("trading", "latency-sensitive");
        assertThat(hunter.metrics().format()).isEqualTo(MetricsFormat.PROMETHEUS);
        assertThat(hunter.metrics().url()).isEqualTo(URI.create("http://127.0.0.1:9100/agents/market-hunter/metrics"));
        assertThat(hunter.metrics().interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(hunter.control().token()).isEqualTo("s3cret");
        assertThat(hunter.toString()).doesNotContain("s3cret").contains("token=****");
        assertThat(hunter.thresholds()).containsExactly(Map.entry("responseTimeMs", 1500.0), Map.entry("successRate", 0.8));
        assertThat(hunter.plugins().allows("latency")).isTrue();
        assertThat(hunter.plugins().allows("resource-saver")).isFalse();
        assertThat(hunter.plugins().allows("coordination")).isFalse();

        Map<String, String> agentLabel = Map.of("agent", "market-hunter");
        assertThat(hunter.metrics().mapping().rules()).containsExactly(
                new MappingRule.SummaryQuantile("responseTimeMs", new SeriesSelector("agent_response_time_ms", agentLabel), 0.95, 1),
                new MappingRule.Ratio("successRate", new SeriesSelector("agent_requests_failed_total", agentLabel),
                        new SeriesSelector("agent_requests_total", agentLabel), true, 1),
                new MappingRule.HistogramQuantile("messageLatencyMs", SeriesSelector.of("agent_message_latency_seconds"), 0.95, 1000),
                new MappingRule.Rate("decisionCount", SeriesSelector.of("agent_decisions_total"), 1),
                new MappingRule.Value("cpu", SeriesSelector.of("agent_cpu_ratio"), 1));

        AgentConfig digest = agents.get(1);
        assertThat(digest.metrics().format()).isEqualTo(MetricsFormat.JSON);
        assertThat(digest.metrics().url()).hasToString("http://127.0.0.1:9100/agents/news-digest/metrics");
        assertThat(digest.metrics().interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(digest.metrics().timeout()).isEqualTo(MetricsSource.DEFAULT_TIMEOUT);
        assertThat(digest.metrics().mapping()).isEqualTo(PrometheusMapping.none());
        assertThat(digest.control().url()).hasToString("http://127.0.0.1:9100/agents/news-digest/control");
        assertThat(digest.control().hasToken()).isFalse();
        assertThat(digest.control().timeout()).isEqualTo(ControlEndpoint.DEFAULT_TIMEOUT);

        AgentConfig reporter = agents.get(2);
        assertThat(reporter.agentClass()).isEqualTo("generic");
        assertThat(reporter.metrics()).isEqualTo(MetricsSource.push());
        assertThat(reporter.hasControl()).isFalse();
        assertThat(reporter.descriptor().id()).isEqualTo("batch.reporter_2");
    }

    @Test
    void givesAPrometheusAgentWithoutMappingTheDefaultMapping() throws Exception {
        List<AgentConfig> agents = reader.parse("""
                agents:
                  - id: a1
                    metrics: {format: prometheus, url: "http://localhost:9100/metrics"}
                """, "agents.yaml");

        assertThat(agents.get(0).metrics().mapping()).isEqualTo(PrometheusMapping.defaults());
    }

    @Test
    void substitutesEnvironmentVariablesAndTheirDefaults() throws Exception {
        AgentsFile withEnvironment = new AgentsFile(Map.of("HOST", "10.0.0.7", "RT", "1200", "EMPTY", "")::get);

        AgentConfig agent = withEnvironment.parse("""
                agents:
                  - id: a1
                    metrics:
                      url: http://${HOST}:${PORT:-9100}/metrics
                    control:
                      url: http://${HOST}/control
                      token: ${EMPTY:-fallback}$${literal}
                    thresholds: {responseTimeMs: "${RT}"}
                """, "agents.yaml").get(0);

        assertThat(agent.metrics().url()).hasToString("http://10.0.0.7:9100/metrics");
        assertThat(agent.control().token()).isEqualTo("fallback${literal}");
        assertThat(agent.thresholds()).containsEntry("responseTimeMs", 1200.0);
    }

    @Test
    void reportsAnUnsetEnvironmentVariableWhereItIsUsed() {
        assertProblems("""
                agents:
                  - id: a1
                    metrics: {format: push}
                    control:
                      url: http://localhost/control
                      token: ${MISSING_TOKEN}
                """, "agents.yaml:6:14: agents[0].control.token: environment variable MISSING_TOKEN is not set; "
                + "set it or write ${MISSING_TOKEN:-default}");
    }

    @Test
    void reportsABadUrlAtItsKey() {
        assertProblems("""
                agents:
                  - id: first
                    metrics:
                      format: push
                  - id: second
                    class: market-hunter
                    tags: [trading]
                    metrics:
                      format: json
                      url: http://127.0.0.1:9100/metrics
                    control:
                      url: htp:/x
                """, "agents.yaml:12:7: agents[1].control.url: not a valid http(s) URL \"htp:/x\"");
    }

    @Test
    void reportsUnknownFieldsAndNamesTheAllowedOnes() {
        assertProblems("""
                agents:
                  - id: a1
                    metrics: {format: push}
                    contrl:
                      url: http://localhost/
                """, "agents.yaml:4:5: agents[0].contrl: unknown field; allowed here: "
                + "class, control, id, metrics, plugins, tags, thresholds");
    }

    @Test
    void reportsDuplicateIdsWithTheLineOfTheFirst() {
        assertProblems("""
                agents:
                  - id: a1
                    metrics: {format: push}
                  - id: a1
                    metrics: {format: push}
                """, "agents.yaml:4:5: agents[1].id: duplicate id \"a1\"; already used at line 2");
    }

    @Test
    void reportsDuplicateKeys() {
        assertProblems("""
                agents:
                  - id: a1
                    metrics: {format: push}
                    id: a2
                """, "agents.yaml:4:5: agents[0].id: duplicate key; first written at line 2");
    }

    @Test
    void reportsMissingRequiredFieldsWhereTheirMappingStarts() {
        assertProblems("""
                agents:
                  - class: llm
                  - id: a2
                    metrics:
                      format: json
                """,
                "agents.yaml:2:5: agents[0].id: required field is missing",
                "agents.yaml:2:5: agents[0].metrics: required field is missing",
                "agents.yaml:5:7: agents[1].metrics.url: required field is missing");
    }

    @Test
    void reportsBadDurationsAndFormats() {
        assertProblems("""
                agents:
                  - id: a1
                    metrics:
                      format: xml
                      interval: 5 seconds
                      timeout: 0s
                """,
                "agents.yaml:4:7: agents[0].metrics.format: unknown format \"xml\"; use one of json, prometheus, push, promql, jdbc",
                "agents.yaml:5:7: agents[0].metrics.interval: not a duration \"5 seconds\"; write a whole number with a "
                        + "unit (500ms, 5s, 1m, 2h) or ISO-8601 (PT1M30S)",
                "agents.yaml:6:7: agents[0].metrics.timeout: must be longer than 0, got 0s");
    }

    @Test
    void reportsUnknownAndOutOfRangeThresholds() {
        assertProblems("""
                agents:
                  - id: a1
                    metrics: {format: push}
                    thresholds:
                      responseTime: 1500
                      successRate: 70
                      coordinationScore: high
                """,
                "agents.yaml:5:7: agents[0].thresholds.responseTime: unknown threshold \"responseTime\"; use one of "
                        + "responseTimeMs, successRate, successRateCritical, coordinationScore, systemScore, "
                        + "systemScoreCritical",
                "agents.yaml:6:7: agents[0].thresholds.successRate: threshold successRate must be within 0..1, got 70",
                "agents.yaml:7:7: agents[0].thresholds.coordinationScore: expected a number, got the text \"high\"");
    }

    @Test
    void reportsFieldsThatDoNotFitTheFormat() {
        assertProblems("""
                agents:
                  - id: a1
                    metrics:
                      format: push
                      url: http://localhost/metrics
                      query: up
                  - id: a2
                    metrics:
                      url: http://localhost/metrics
                      mapping:
                        - {metric: cpu, from: cpu}
                """,
                "agents.yaml:5:7: agents[0].metrics.url: is not used by format push: the agent sends its documents to perfopt",
                "agents.yaml:6:7: agents[0].metrics.query: applies to format jdbc only, not push",
                "agents.yaml:10:7: agents[1].metrics.mapping: applies to format prometheus only, not json");
    }

    @Test
    void reportsMappingRulesThatSayTooMuchOrTooLittle() {
        assertProblems("""
                agents:
                  - id: a1
                    metrics:
                      format: prometheus
                      url: http://localhost/metrics
                      mapping:
                        - metric: responseTimeMs
                          from: latency
                          quantile: "0.95"
                          rate: true
                        - metric: successRate
                          ratio: {numerator: failed_total}
                        - metric: cpu
                          from: cpu-ratio
                        - metric: memory
                          from: mem
                          quantile: 95
                        - metric: cpu
                          from: cpu_ratio
                """,
                "agents.yaml:10:11: agents[0].metrics.mapping[0].rate: use only one of quantile, histogramQuantile and rate",
                "agents.yaml:12:18: agents[0].metrics.mapping[1].ratio.denominator: required field is missing",
                "agents.yaml:14:11: agents[0].metrics.mapping[2].from: series name \"cpu-ratio\" is not a Prometheus "
                        + "metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)",
                "agents.yaml:17:11: agents[0].metrics.mapping[3].quantile: expected a quantile between 0 and 1, got 95.0",
                "agents.yaml:18:11: agents[0].metrics.mapping[4].metric: cpu is mapped twice; first at line 13");
    }

    @Test
    void reportsEveryProblemOfAFileInOnePassInSourceOrder() {
        ConfigException e = problemsOf("""
                agents:
                  - id: "bad id"
                    metrics: {format: push}
                  - id: ok
                    metrics: {format: json, url: "ftp://x/y"}
                    plugins: {include: [a], exclude: [a]}
                """);

        assertThat(e.problems()).extracting(ConfigProblem::line).containsExactly(2, 5, 6);
        assertThat(e.getMessage()).isEqualTo(String.join("\n",
                "agents.yaml:2:5: agents[0].id: agent id \"bad id\" may hold only letters, digits, '.', '_' and '-'",
                "agents.yaml:5:29: agents[1].metrics.url: not a valid http(s) URL \"ftp://x/y\"",
                "agents.yaml:6:29: agents[1].plugins.exclude: plugins [a] are both included and excluded"));
    }

    @Test
    void reportsYamlSyntaxErrorsAtTheirLine() {
        ConfigException e = problemsOf("""
                agents:
                  - id: a1
                    tags: [a, b
                    metrics: {format: push}
                """);

        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).line()).isEqualTo(4);
        assertThat(e.problems().get(0).message()).startsWith("not valid YAML: while parsing a flow sequence");
    }

    @Test
    void reportsAnEmptyFileAndAMissingAgentsList() {
        assertProblems("", "agents.yaml:1:1: agents: the file is empty; write agents: [] for no agents");
        assertProblems("agent: []\n",
                "agents.yaml:1:1: agent: unknown field; allowed here: agents",
                "agents.yaml:1:1: agents: required field is missing");
        assertProblems("agents: {id: a1}\n", "agents.yaml:1:1: agents: expected a list of agents, got a mapping");
    }

    @Test
    void acceptsAnEmptyFleet() throws Exception {
        assertThat(reader.parse("agents: []\n", "agents.yaml")).isEmpty();
    }

    @Test
    void readsOneAgentWrittenAsJsonForARegistration() throws Exception {
        AgentConfig agent = reader.parseAgent("""
                {"id": "a9", "tags": ["llm"], "metrics": {"format": "json", "url": "https://a9.local/metrics"},
                 "control": {"url": "https://a9.local/control", "timeout": "1500ms"}}
                """, "registration");

        assertThat(agent.descriptor().tags()).isEqualTo(Set.of("llm"));
        assertThat(agent.control().timeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void locatesProblemsOfAJsonRegistration() {
        assertThatThrownBy(() -> reader.parseAgent("{\"id\": \"a9\",\n \"metrics\": {\"format\": \"json\"}}", "POST /api/agents"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("POST /api/agents:2:13: metrics.url: required field is missing");
    }

    @Test
    void loadsAFileAndNamesItInProblems(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("agents.yaml");
        Files.writeString(file, "agents:\n  - id: a1\n    metrics: {format: push}\n    colour: red\n");

        assertThatThrownBy(() -> reader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":4:5: agents[0].colour: unknown field");
        assertThatThrownBy(() -> reader.load(dir.resolve("missing.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing.yaml:0:0: cannot be read: java.nio.file.NoSuchFileException");
    }

    private void assertProblems(String yaml, String... expected) {
        assertThat(problemsOf(yaml).problems()).extracting(ConfigProblem::toString).containsExactly(expected);
    }

    private ConfigException problemsOf(String yaml) {
        try {
            List<AgentConfig> agents = reader.parse(yaml, "agents.yaml");
            throw new AssertionError("expected problems, but the file was accepted: " + agents);
        } catch (ConfigException e) {
            return e;
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = AgentsFileTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

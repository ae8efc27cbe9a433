package io.perfopt.integration.agents;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the fleet configuration, {@code conf/agents.yaml}:
 *
 * <pre>{@code
 * agents:
 *   - id: market-hunter          # required, unique, [A-Za-z0-9._-]+
 *     class: market-hunter       # optional, default "generic"
 *     tags: [trading]            # optional
 *     metrics:                   # required
 *       format: prometheus       # json (default) | prometheus | push | promql | jdbc
 *       url: http://127.0.0.1:9100/agents/market-hunter/metrics
 *                                # required but for push (not allowed there): the agent's http(s)
 *                                # URL (json, prometheus), the Prometheus server (promql), a jdbc: URL (jdbc)
 *       interval: 5s             # default 5s; 500ms, 5s, 1m, 2h or ISO-8601 (PT5S)
 *       timeout: 2s              # default 2s
 *       mapping: [...]           # prometheus only; default PrometheusMapping.defaults(); see MappingReader
 *       query: "select ..."      # jdbc only, required: its result columns are metric names
 *       user: perfopt            # jdbc only, optional
 *       password: ${DB_PASSWORD} # jdbc only, optional
 *       queries:                 # promql only, required: metric name to instant PromQL query
 *         responseTimeMs: "max(agent_response_time_ms{quantile=\"0.95\"})"
 *     control:                   # optional; without it the agent is only observed
 *       url: http://127.0.0.1:9100/agents/market-hunter/control   # required, http(s), no query
 *       token: ${MH_TOKEN}       # optional bearer token
 *       timeout: 2s              # default 2s
 *     thresholds:                # optional; responseTimeMs (> 0), successRate, successRateCritical,
 *       responseTimeMs: 1500     # coordinationScore, systemScore, systemScoreCritical (0..1)
 *     plugins:                   # optional; include (empty = all) minus exclude
 *       include: [latency]
 *       exclude: [resource-saver]
 * }</pre>
 *
 * In every string value, {@code ${NAME}} and {@code ${NAME:-default}} are replaced from the
 * environment. Unknown fields, duplicate keys and ids, missing fields and bad values are all
 * reported at once in a {@link ConfigException}, each as {@code file:line:column: path: message}.
 * A run-time registration uses the schema of one list entry ({@link #parseAgent}).
 */
public final class AgentsFile {

    private final EnvSubstitution environment;
    private final YAMLFactory yaml = new YAMLFactory();

    /** A reader resolving {@code ${NAME}} through {@code environment} (which returns null for unset names). */
    public AgentsFile(Function<String, String> environment) {
        this.environment = new EnvSubstitution(Objects.requireNonNull(environment, "environment"));
    }

    /** A reader resolving {@code ${NAME}} from the process environment. */
    public static AgentsFile withSystemEnvironment() {
        return new AgentsFile(System::getenv);
    }

    /** The agents of a file; problems are reported under the file's path. */
    public List<AgentConfig> load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(file.toString(), 0, 0, "",
                    "cannot be read: " + e)));
        }
        return parse(text, file.toString());
    }

    /** The agents of a YAML text; {@code sourceName} names it in problems, e.g. {@code agents.yaml}. */
    public List<AgentConfig> parse(String text, String sourceName) throws ConfigException {
        Problems problems = new Problems(sourceName);
        YamlNode root = tree(text, problems);
        Fields file = root == null ? null : Fields.of(root, "", problems, "a mapping with the key agents");
        List<AgentConfig> agents = new ArrayList<>();
        if (root == null && problems.count() == 0) {
            problems.add(new Position(1, 1), "agents", "the file is empty; write agents: [] for no agents");
        } else if (file != null) {
            file.allowOnly("agents");
            YamlNode list = file.node("agents");
            if (list == null) {
                file.missing("agents");
            } else if (!(list instanceof YamlNode.Sequence sequence)) {
                file.problem("agents", "expected a list of agents, got " + list.describe());
            } else {
                readAgents(sequence, problems, agents);
            }
        }
        problems.throwIfAny();
        return List.copyOf(agents);
    }

    /** One agent in the schema of an {@code agents} entry, written as YAML or JSON (a registration). */
    public AgentConfig parseAgent(String text, String sourceName) throws ConfigException {
        Problems problems = new Problems(sourceName);
        YamlNode root = tree(text, problems);
        if (root == null && problems.count() == 0) {
            problems.add(new Position(1, 1), "", "the agent is empty");
        }
        AgentConfig agent = root == null ? null : new AgentConfigReader(problems).read(root, "");
        problems.throwIfAny();
        return agent;
    }

    private static void readAgents(YamlNode.Sequence sequence, Problems problems, List<AgentConfig> agents) {
        AgentConfigReader reader = new AgentConfigReader(problems);
        Map<String, Position> ids = new HashMap<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode item = sequence.items().get(i);
            String path = "agents[" + i + "]";
            reportDuplicateId(item, path, ids, problems);
            AgentConfig agent = reader.read(item, path);
            if (agent != null) {
                agents.add(agent);
            }
        }
    }

    private static void reportDuplicateId(YamlNode item, String path, Map<String, Position> ids, Problems problems) {
        if (item instanceof YamlNode.Mapping mapping && mapping.entries().get("id") != null
                && mapping.entries().get("id").value() instanceof YamlNode.Scalar id
                && id.kind() != YamlNode.Scalar.Kind.NULL && id.kind() != YamlNode.Scalar.Kind.INVALID) {
            Position at = mapping.entries().get("id").at();
            Position first = ids.putIfAbsent(id.text(), at);
            if (first != null) {
                problems.add(at, path + ".id", "duplicate id \"" + id.text() + "\"; already used at line "
                        + first.line());
            }
        }
    }

    private YamlNode tree(String text, Problems problems) {
        try (JsonParser parser = yaml.createParser(text)) {
            return new YamlTreeReader(parser, environment, problems).read();
        } catch (JacksonException e) {
            problems.add(syntaxErrorPosition(e), "", "not valid YAML: " + yamlReason(e));
            return null;
        } catch (IOException e) {
            // reading from a String fails only through the parser, which throws JacksonException above
            throw new IllegalStateException("reading configuration text failed", e);
        }
    }

    // SnakeYAML knows where the offending character is; Jackson's location may be the construct it was reading.
    private static Position syntaxErrorPosition(JacksonException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                return new Position(marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1);
            }
        }
        return Position.of(e.getLocation());
    }

    // SnakeYAML's messages span lines, echoing the source with a caret; keep the sentences only.
    private static String yamlReason(JacksonException e) {
        String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
        return message.lines()
                .filter(l -> !l.startsWith("    ")) // the echoed source line and its caret
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("in '"))
                .collect(Collectors.joining(" "));
    }
}

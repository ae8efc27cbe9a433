package io.perfopt.integration.agents;

import io.perfopt.integration.ingest.PrometheusMapping;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one agent entry of the schema described in {@link AgentsFile}, reporting each problem
 * at its field. An entry with any problem yields null; its problems are in {@link Problems}.
 */
final class AgentConfigReader {

    private final Problems problems;

    AgentConfigReader(Problems problems) {
        this.problems = problems;
    }

    AgentConfig read(YamlNode node, String path) {
        int before = problems.count();
        Fields agent = Fields.of(node, path, problems, "an agent (a mapping with id, metrics, ...)");
        if (agent == null) {
            return null;
        }
        agent.allowOnly("id", "class", "tags", "metrics", "control", "thresholds", "plugins");
        String id = agent.requiredConvert("id", AgentConfig::checkId);
        String agentClass = agent.string("class");
        List<String> tags = agent.strings("tags");
        MetricsSource metrics = metrics(agent);
        ControlEndpoint control = control(agent);
        Map<String, Double> thresholds = thresholds(agent);
        PluginBinding plugins = plugins(agent);
        if (problems.count() > before) {
            return null;
        }
        try {
            return new AgentConfig(id, agentClass, tags == null ? null : Set.copyOf(tags), metrics, control,
                    thresholds, plugins);
        } catch (IllegalArgumentException e) {
            // the checks above should have caught it; still, report it where the agent is written
            problems.add(agent.at(), path, e.getMessage());
            return null;
        }
    }

    private MetricsSource metrics(Fields agent) {
        if (!agent.has("metrics")) {
            agent.missing("metrics");
            return null;
        }
        Fields metrics = agent.object("metrics", "a mapping with format, url, interval, ...");
        if (metrics == null) {
            return null;
        }
        int before = problems.count();
        metrics.allowOnly("format", "url", "interval", "timeout", "mapping", "query", "queries", "user", "password");
        MetricsFormat format = metrics.has("format") ? metrics.convert("format", MetricsFormat::ofConfigName)
                : MetricsFormat.JSON;
        Duration interval = positiveDuration(metrics, "interval");
        Duration timeout = positiveDuration(metrics, "timeout");
        if (format == null) {
            return null;
        }
        URI url = metricsUrl(metrics, format);
        PrometheusMapping mapping = null;
        if (metrics.has("mapping")) {
            if (format == MetricsFormat.PROMETHEUS) {
                mapping = new MappingReader(problems).read(metrics);
            } else {
                metrics.problem("mapping", "applies to format prometheus only, not " + format.configName());
            }
        }
        String query = query(metrics, format);
        String user = credential(metrics, format, "user");
        String password = credential(metrics, format, "password");
        Map<String, String> queries = queries(metrics, format);
        if (problems.count() > before) {
            return null;
        }
        try {
            return new MetricsSource(format, url, interval, timeout, mapping, query, user, password, queries);
        } catch (IllegalArgumentException e) {
            problems.add(metrics.at(), metrics.path(), e.getMessage());
            return null;
        }
    }

    /** The SQL query of a jdbc source: required there, refused elsewhere. */
    private static String query(Fields metrics, MetricsFormat format) {
        if (format == MetricsFormat.JDBC) {
            String query = metrics.requiredString("query");
            if (query != null && query.isBlank()) {
                metrics.problem("query", "must not be empty");
            }
            return query;
        }
        if (metrics.has("query")) {
            metrics.problem("query", "applies to format jdbc only, not " + format.configName()
                    + (format == MetricsFormat.PROMQL ? "; promql takes queries, a mapping of metric name to PromQL"
                    : ""));
        }
        return null;
    }

    private static String credential(Fields metrics, MetricsFormat format, String key) {
        if (!metrics.has(key)) {
            return null;
        }
        if (format != MetricsFormat.JDBC) {
            metrics.problem(key, "applies to format jdbc only, not " + format.configName());
            return null;
        }
        return metrics.string(key);
    }

    /** The PromQL query of each metric: at least one for promql, none elsewhere. */
    private static Map<String, String> queries(Fields metrics, MetricsFormat format) {
        if (format != MetricsFormat.PROMQL) {
            if (metrics.has("queries")) {
                metrics.problem("queries", "applies to format promql only, not " + format.configName());
            }
            return null;
        }
        if (!metrics.has("queries")) {
            metrics.missing("queries");
            return null;
        }
        Fields queries = metrics.object("queries", "a mapping of metric name to PromQL query");
        if (queries == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (YamlNode.Mapping.Entry entry : queries.entries()) {
            String promql = queries.string(entry.key());
            if (promql == null && !queries.has(entry.key()) || promql != null && promql.isBlank()) {
                queries.problem(entry.key(), "expected a PromQL query, got nothing");
            } else if (promql != null) {
                values.put(entry.key(), promql);
            }
        }
        if (queries.entries().isEmpty()) {
            metrics.problem("queries", "must name at least one metric and its PromQL query");
        }
        return values;
    }

    private static URI metricsUrl(Fields metrics, MetricsFormat format) {
        switch (format) {
            case JSON, PROMETHEUS, PROMQL -> {
                return metrics.requiredConvert("url", HttpUrl::parse);
            }
            case PUSH -> {
                if (metrics.has("url")) {
                    metrics.problem("url", "is not used by format push: the agent sends its documents to perfopt");
                }
                return null;
            }
            default -> {
                return metrics.requiredConvert("url", AgentConfigReader::jdbcUrl);
            }
        }
    }

    private static URI jdbcUrl(String text) {
        if (!text.startsWith("jdbc:")) {
            throw new IllegalArgumentException("not a JDBC URL \"" + text + "\"; it starts with jdbc:");
        }
        try {
            return new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a valid JDBC URL \"" + text + "\": " + e.getReason(), e);
        }
    }

    private static ControlEndpoint control(Fields agent) {
        Fields control = agent.object("control", "a mapping with url, token, timeout");
        if (control == null) {
            return null;
        }
        control.allowOnly("url", "token", "timeout");
        URI url = control.requiredConvert("url", HttpUrl::parse);
        String token = control.string("token");
        Duration timeout = positiveDuration(control, "timeout");
        if (url != null && (url.getRawQuery() != null || url.getRawFragment() != null)) {
            control.problem("url", "must not carry a query or fragment, since /knobs is appended to it");
            return null;
        }
        return url == null ? null : new ControlEndpoint(url, token, timeout);
    }

    private static Map<String, Double> thresholds(Fields agent) {
        Fields thresholds = agent.object("thresholds", "a mapping of threshold name to number");
        if (thresholds == null) {
            return Map.of();
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (YamlNode.Mapping.Entry entry : thresholds.entries()) {
            Double value = thresholds.number(entry.key());
            if (value == null) {
                if (!thresholds.has(entry.key())) {
                    thresholds.problem(entry.key(), "expected a number, got nothing");
                }
                continue;
            }
            try {
                ThresholdOverrides.check(entry.key(), value);
                values.put(entry.key(), value);
            } catch (IllegalArgumentException e) {
                thresholds.problem(entry.key(), e.getMessage());
            }
        }
        return values;
    }

    private static PluginBinding plugins(Fields agent) {
        Fields plugins = agent.object("plugins", "a mapping with include and exclude");
        if (plugins == null) {
            return PluginBinding.all();
        }
        plugins.allowOnly("include", "exclude");
        List<String> include = plugins.strings("include");
        List<String> exclude = plugins.strings("exclude");
        Set<String> both = new HashSet<>(include == null ? List.of() : include);
        both.retainAll(exclude == null ? List.of() : exclude);
        if (!both.isEmpty()) {
            plugins.problem("exclude", "plugins " + both + " are both included and excluded");
            return PluginBinding.all();
        }
        return new PluginBinding(include == null ? null : Set.copyOf(include),
                exclude == null ? null : Set.copyOf(exclude));
    }

    private static Duration positiveDuration(Fields fields, String key) {
        Duration value = fields.convert(key, DurationText::parse);
        if (value != null && (value.isZero() || value.isNegative())) {
            fields.problem(key, "must be longer than 0, got " + fields.string(key));
            return null;
        }
        return value;
    }
}

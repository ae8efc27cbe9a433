package io.perfopt.benchmarks.persist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.perfopt.integration.persist.StoredCycle;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The ceiling for the history route: the same insert (and verdict update) statements the
 * {@code persist-cycle} route runs, read from its YAML, executed with plain JDBC batches, one
 * transaction per cycle, without Camel and without the route's check that the cycle is not
 * stored yet.
 */
final class PlainInserts {

    private static final Pattern PARAMETER = Pattern.compile(":#(\\w+)");

    /** One statement: its SQL with {@code ?} and the row keys of its parameters, in order. */
    private record Statement(String sql, List<String> parameters, Function<StoredCycle, List<Map<String, Object>>> rows) {
    }

    private final List<Statement> statements = new ArrayList<>();

    PlainInserts() {
        Map<String, String> byTable = routeStatements();
        add(byTable, "insert into cycles", c -> List.of(c.cycle()));
        add(byTable, "insert into bottlenecks", StoredCycle::bottlenecks);
        add(byTable, "insert into strategies", StoredCycle::strategies);
        add(byTable, "insert into results", StoredCycle::results);
        add(byTable, "insert into knob_changes", StoredCycle::knobChanges);
        add(byTable, "update knob_changes", StoredCycle::knobVerdicts);
        add(byTable, "insert into metric_snapshots", StoredCycle::snapshots);
    }

    private void add(Map<String, String> byTable, String start, Function<StoredCycle, List<Map<String, Object>>> rows) {
        String named = byTable.get(start);
        if (named == null) {
            throw new IllegalStateException("the persist-cycle route has no statement starting with " + start);
        }
        List<String> parameters = new ArrayList<>();
        Matcher m = PARAMETER.matcher(named);
        while (m.find()) {
            parameters.add(m.group(1));
        }
        statements.add(new Statement(PARAMETER.matcher(named).replaceAll("?"), parameters, rows));
    }

    /** The route's statements by their first three words, e.g. "insert into results". */
    private static Map<String, String> routeStatements() {
        try (InputStream in = PlainInserts.class.getClassLoader()
                .getResourceAsStream("perfopt-defaults/routes/persist.yaml")) {
            if (in == null) {
                throw new IllegalStateException("perfopt-defaults/routes/persist.yaml is not on the class path");
            }
            Map<String, String> found = new LinkedHashMap<>();
            collect(new ObjectMapper(new YAMLFactory()).readTree(in), found);
            return found;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the persist routes", e);
        }
    }

    private static void collect(JsonNode node, Map<String, String> found) {
        if (node.isTextual() && node.asText().startsWith("sql:")) {
            String sql = node.asText().substring(4).replaceAll("\\s+", " ").trim();
            String[] words = sql.split(" ");
            if (words.length > 2 && (words[0].equals("insert") || words[0].equals("update"))) {
                String key = words[0].equals("insert") ? String.join(" ", words[0], words[1], words[2])
                        : String.join(" ", words[0], words[1]);
                found.putIfAbsent(key, sql);
            }
        }
        node.forEach(child -> collect(child, found));
    }

    /** Writes one cycle's rows in one transaction. */
    void write(DataSource dataSource, StoredCycle cycle) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (Statement s : statements) {
                    List<Map<String, Object>> rows = s.rows().apply(cycle);
                    if (rows.isEmpty()) {
                        continue;
                    }
                    try (PreparedStatement ps = connection.prepareStatement(s.sql())) {
                        for (Map<String, Object> row : rows) {
                            for (int i = 0; i < s.parameters().size(); i++) {
                                ps.setObject(i + 1, row.get(s.parameters().get(i)));
                            }
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}

package io.perfopt.integration.sources;

import io.perfopt.api.metric.MetricsDocument;
import io.perfopt.api.metric.StandardMetric;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the result of a jdbc source's query: each row is one metrics document of the agent,
 * its columns named for perfopt metrics ({@code select avg(latency) as "responseTimeMs"});
 * several rows are several samples. A column label that matches a standard metric but for case
 * is taken as that metric, since databases fold unquoted names (PostgreSQL to lower case, H2 to
 * upper case). A null is no observation; a value that is not a number is refused, with the
 * agent, column and row named.
 */
final class RowDocuments {

    private RowDocuments() {
    }

    /**
     * The documents and refusals of a result.
     *
     * @param documents one document per row with at least one value
     * @param refused   one message per value that is not a number, and one if rows were cut off
     */
    record Read(List<MetricsDocument> documents, List<String> refused) {
    }

    static Read read(String agentId, ResultSet rows, Instant observedAt, int maxRows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<String> metrics = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            metrics.add(metricName(meta.getColumnLabel(i)));
        }
        List<MetricsDocument> documents = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int row = 0;
        while (rows.next()) {
            row++;
            if (row > maxRows) {
                refused.add("agent " + agentId + ": the query returned more than " + maxRows
                        + " rows; only the first " + maxRows + " were read (perfopt.collect.jdbc.max-rows)");
                break;
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (int i = 0; i < metrics.size(); i++) {
                Object value = rows.getObject(i + 1);
                if (value instanceof Number n) {
                    values.put(metrics.get(i), n.doubleValue());
                } else if (value != null) {
                    refused.add("agent " + agentId + ": column " + metrics.get(i) + " of row " + row
                            + " is not a number: " + describe(value));
                }
            }
            if (!values.isEmpty()) {
                documents.add(MetricsDocument.of(agentId, observedAt, values));
            }
        }
        return new Read(documents, refused);
    }

    private static String metricName(String label) {
        for (StandardMetric metric : StandardMetric.values()) {
            if (metric.key().equalsIgnoreCase(label)) {
                return metric.key();
            }
        }
        return label;
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        text = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return "\"" + text + "\" (" + value.getClass().getSimpleName().toLowerCase(Locale.ROOT) + ")";
    }
}

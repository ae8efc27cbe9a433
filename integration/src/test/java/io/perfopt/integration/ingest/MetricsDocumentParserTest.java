package io.perfopt.integration.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perfopt.api.metric.MetricSample;
import io.perfopt.api.metric.MetricsDocument;
import io.perfopt.api.time.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsDocumentParserTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final MetricsDocumentParser parser = new MetricsDocumentParser(clock);

    @Test
    void readsADocumentWithAggregatesSamplesAndUnknownMetrics() throws Exception {
        ParsedDocument parsed = parser.parse(json("""
                {"agentId": "market-hunter", "timestamp": "2026-03-01T09:59:30Z",
                 "metrics": {"responseTimeMs": 2500, "successRate": 0.62, "queueDepth": 17},
                 "samples": {"responseTimeMs": [2410, 2630.5, 2480]}}"""));

        MetricsDocument document = parsed.document();
        assertThat(document.agentId()).isEqualTo("market-hunter");
        assertThat(document.timestamp()).isEqualTo(Instant.parse("2026-03-01T09:59:30Z"));
        assertThat(document.metrics()).containsEntry("successRate", 0.62).containsEntry("queueDepth", 17.0);
        assertThat(document.samples().get("responseTimeMs")).containsExactly(2410.0, 2630.5, 2480.0);
        assertThat(parsed.rejected()).isEmpty();
        assertThat(parsed.toSamples().accepted()).extracting(MetricSample::metric)
                .containsExactly("responseTimeMs", "responseTimeMs", "responseTimeMs", "successRate", "queueDepth");
    }

    @Test
    void datesADocumentWithoutTimestampByTheClock() throws Exception {
        ParsedDocument parsed = parser.parse(json("{\"agentId\": \"a1\", \"metrics\": {\"cpu\": 0.4}}"));

        assertThat(parsed.document().timestamp()).isEqualTo(clock.instant());
    }

    @Test
    void readsTimestampsWithAnOffset() throws Exception {
        ParsedDocument parsed = parser.parse(json(
                "{\"agentId\": \"a1\", \"timestamp\": \"2026-03-01T11:00:00+01:00\", \"metrics\": {\"cpu\": 0.4}}"));

        assertThat(parsed.document().timestamp()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    void aValueThatIsNoNumberCostsOnlyItsOwnMetric() throws Exception {
        ParsedDocument parsed = parser.parse(json("""
                {"agentId": "a1", "metrics": {"responseTimeMs": 120, "successRate": "NaN", "cpu": NaN,
                 "memory": null, "mood": "fast", "network": {"in": 1}, "storage": Infinity},
                 "samples": {"decisionSpeedMs": [12, "x", 14], "accuracyRate": 0.9}}"""));

        MetricsDocument.Conversion conversion = parsed.toSamples();

        assertThat(conversion.accepted()).extracting(MetricSample::metric, MetricSample::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("decisionSpeedMs", 12.0),
                org.assertj.core.groups.Tuple.tuple("decisionSpeedMs", 14.0),
                org.assertj.core.groups.Tuple.tuple("responseTimeMs", 120.0));
        assertThat(conversion.rejected()).containsExactly(
                "metric successRate of agent a1 must be a number, got string \"NaN\"",
                "metric memory of agent a1 must be a number, got null null",
                "metric mood of agent a1 must be a number, got string \"fast\"",
                "metric network of agent a1 must be a number, got object {\"in\":1}",
                "metric decisionSpeedMs of agent a1 must be a number, got string \"x\"",
                "samples of metric accuracyRate of agent a1 must be an array of numbers, got number 0.9",
                "metric cpu of agent a1 must be a finite number, got NaN",
                "metric storage of agent a1 must be a finite number, got Infinity");
    }

    @Test
    void refusesADocumentWithoutAnyUsableMetric() {
        assertRefused("{\"agentId\": \"a1\", \"metrics\": {}}", "agent a1: the document holds no metrics");
        assertRefused("{\"agentId\": \"a1\", \"metrics\": {\"cpu\": \"high\"}}",
                "agent a1: the document holds no usable metric: metric cpu of agent a1 must be a number, got string \"high\"");
    }

    @Test
    void refusesDocumentsWithoutAgentOrWithABadTimestamp() {
        assertRefused("{\"metrics\": {\"cpu\": 0.4}}", "metrics document: agentId is missing");
        assertRefused("{\"agentId\": 42, \"metrics\": {\"cpu\": 0.4}}",
                "metrics document: agentId must be a non-blank string, got number 42");
        assertRefused("{\"agentId\": \"a1\", \"timestamp\": \"yesterday\", \"metrics\": {\"cpu\": 0.4}}",
                "agent a1: timestamp \"yesterday\" is not ISO-8601 such as 2026-01-01T12:00:00Z");
        assertRefused("{\"agentId\": \"a1\", \"timestamp\": 1767225600000, \"metrics\": {\"cpu\": 0.4}}",
                "agent a1: timestamp must be an ISO-8601 string such as 2026-01-01T12:00:00Z, got number 1767225600000");
        assertRefused("{\"agentId\": \"a1\", \"metrics\": [0.4]}",
                "agent a1: metrics must be an object of metric name to value, got array [0.4]");
    }

    @Test
    void refusesMalformedJsonSayingWhere() {
        assertThatThrownBy(() -> parser.parse(json("{\"agentId\": \"a1\",\n \"metrics\": {\"cpu\": 0.4,}}")))
                .isInstanceOf(MetricsParseException.class)
                .hasMessageStartingWith("metrics document: malformed JSON: Unexpected character ('}'")
                .hasMessageEndingWith(" at line 2, column 25");
        assertThatThrownBy(() -> parser.parse(json("{\"agentId\": \"a1\", \"metrics\": {\"cpu\": 0.4}} trailing")))
                .isInstanceOf(MetricsParseException.class)
                .hasMessageStartingWith("metrics document: malformed JSON: Unrecognized token 'trailing'")
                .hasMessageEndingWith(" at line 1, column 52");
        assertThatThrownBy(() -> parser.parse(json("{\"agentId\": \"a1\", \"metrics\": {\"cpu\": 0.4, \"cpu\": 0.5}}")))
                .isInstanceOf(MetricsParseException.class)
                .hasMessageContaining("Duplicate field 'cpu'");
        assertRefused("", "metrics document: the body is empty");
    }

    @Test
    void refusesAnOversizedBodyWithoutReadingItAll() {
        MetricsDocumentParser small = new MetricsDocumentParser(clock, 1024);
        CountingStream body = new CountingStream(10 * 1024 * 1024);

        assertThatThrownBy(() -> small.parse(body))
                .isInstanceOf(MetricsParseException.class)
                .hasMessage("metrics document: the body exceeds the limit of 1024 bytes");
        assertThat(body.served).isLessThan(64 * 1024);
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() throws Exception {
        byte[] body = "{\"agentId\": \"a1\", \"metrics\": {\"cpu\": 0.4}}".getBytes(StandardCharsets.UTF_8);
        MetricsDocumentParser exact = new MetricsDocumentParser(clock, body.length);

        assertThat(exact.parse(new ByteArrayInputStream(body)).document().agentId()).isEqualTo("a1");
    }

    @Test
    void refusesAPolledDocumentOfAnotherAgentAndNamesThePolledAgentInErrors() {
        assertThatThrownBy(() -> parser.parse(json("{\"agentId\": \"a2\", \"metrics\": {\"cpu\": 0.4}}"), "a1"))
                .isInstanceOf(MetricsParseException.class)
                .hasMessage("agent a1: the document names agent a2 instead");
        assertThatThrownBy(() -> parser.parse(json("not json"), "a1"))
                .isInstanceOf(MetricsParseException.class)
                .hasMessageStartingWith("agent a1: malformed JSON")
                .extracting(e -> ((MetricsParseException) e).agentId().orElseThrow()).isEqualTo("a1");
    }

    @Test
    void readsABatchKeepingTheDocumentsOfAgentsWhoseNeighboursAreBroken() throws Exception {
        ParsedBatch batch = parser.parseBatch(json("""
                [{"agentId": "a1", "metrics": {"cpu": 0.4}},
                 {"metrics": {"cpu": 0.5}},
                 {"agentId": "a3", "timestamp": "soon", "metrics": {"cpu": 0.6}},
                 {"agentId": "a4", "metrics": {"cpu": 0.7}}]"""));

        assertThat(batch.documents()).extracting(d -> d.document().agentId()).containsExactly("a1", "a4");
        assertThat(batch.rejected()).containsExactly(
                "document [1]: metrics document: agentId is missing",
                "document [2]: agent a3: timestamp \"soon\" is not ISO-8601 such as 2026-01-01T12:00:00Z");
    }

    @Test
    void readsASingleDocumentAsABatchAndRefusesOtherJson() throws Exception {
        ParsedBatch batch = parser.parseBatch(json("{\"agentId\": \"a1\", \"metrics\": {\"cpu\": 0.4}}"));

        assertThat(batch.documents()).hasSize(1);
        assertThatThrownBy(() -> parser.parseBatch(json("\"a1\"")))
                .isInstanceOf(MetricsParseException.class)
                .hasMessage("metrics document: a batch must be a JSON array of documents or one document, got string");
    }

    private void assertRefused(String body, String message) {
        assertThatThrownBy(() -> parser.parse(json(body)))
                .isInstanceOf(MetricsParseException.class)
                .hasMessage(message);
    }

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A body of {@code size} bytes that opens a JSON document and never closes it, counting what was read. */
    private static final class CountingStream extends InputStream {
        private final byte[] prefix = "{\"agentId\": \"a1\", \"metrics\": {\"padding\": \"".getBytes(StandardCharsets.UTF_8);
        private final long size;
        long served;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (served >= size) {
                return -1;
            }
            int b = served < prefix.length ? prefix[(int) served] : 'x';
            served++;
            return b;
        }
    }
}

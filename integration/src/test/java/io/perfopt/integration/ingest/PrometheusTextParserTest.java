package io.perfopt.integration.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PrometheusTextParserTest {

    private final PrometheusTextParser parser = new PrometheusTextParser();

    @Test
    void readsARealWorldScrapeWithoutErrors() throws IOException {
        PrometheusScrape scrape = parser.parse(resource("prometheus/real-world.prom"));

        assertThat(scrape.errors()).isEmpty();
        assertThat(scrape.families()).extracting(MetricFamily::name).contains(
                "go_gc_duration_seconds", "node_cpu_seconds_total", "prometheus_http_request_duration_seconds",
                "http_requests_total", "msdos_file_access_time_seconds", "rpc_duration_seconds");
        assertThat(scrape.samples()).hasSize(57);
    }

    @Test
    void groupsSummarySamplesIntoTheirFamilyWithQuantilesSumAndCount() throws IOException {
        MetricFamily gc = parser.parse(resource("prometheus/real-world.prom")).family("go_gc_duration_seconds").orElseThrow();

        assertThat(gc.type()).isEqualTo(MetricType.SUMMARY);
        assertThat(gc.help()).isEqualTo("A summary of the pause duration of garbage collection cycles.");
        assertThat(gc.samples()).extracting(PrometheusSample::name, s -> s.label("quantile"), PrometheusSample::value)
                .containsExactly(
                        tuple("go_gc_duration_seconds", "0", 2.8632e-05),
                        tuple("go_gc_duration_seconds", "0.25", 4.3741e-05),
                        tuple("go_gc_duration_seconds", "0.5", 5.7208e-05),
                        tuple("go_gc_duration_seconds", "0.75", 9.1311e-05),
                        tuple("go_gc_duration_seconds", "1", 0.001379893),
                        tuple("go_gc_duration_seconds_sum", null, 0.056418318),
                        tuple("go_gc_duration_seconds_count", null, 612.0));
    }

    @Test
    void groupsHistogramBucketsWithTheirUpperBounds() throws IOException {
        MetricFamily latency = parser.parse(resource("prometheus/real-world.prom"))
                .family("prometheus_http_request_duration_seconds").orElseThrow();

        assertThat(latency.type()).isEqualTo(MetricType.HISTOGRAM);
        List<PrometheusSample> buckets = latency.samples().stream()
                .filter(s -> s.name().endsWith("_bucket")).toList();
        assertThat(buckets).extracting(s -> s.label("le"))
                .containsExactly("0.1", "0.2", "0.4", "1", "3", "8", "20", "60", "120", "+Inf");
        assertThat(buckets).extracting(PrometheusSample::value)
                .containsExactly(2817.0, 2823.0, 2824.0, 2824.0, 2824.0, 2824.0, 2824.0, 2824.0, 2824.0, 2824.0);
        assertThat(buckets.get(0).labels()).isEqualTo(Map.of("handler", "/metrics", "le", "0.1"));
        assertThat(latency.samples()).filteredOn(s -> s.name().endsWith("_sum"))
                .extracting(PrometheusSample::value).containsExactly(21.486210932000012);
    }

    @Test
    void readsCountersGaugesExponentsAndTimestamps() throws IOException {
        PrometheusScrape scrape = parser.parse(resource("prometheus/real-world.prom"));

        assertThat(scrape.family("node_cpu_seconds_total").orElseThrow().type()).isEqualTo(MetricType.COUNTER);
        assertThat(value(scrape, "node_cpu_seconds_total", Map.of("cpu", "1", "mode", "user"))).isEqualTo(6390.45);
        assertThat(value(scrape, "node_filesystem_avail_bytes",
                Map.of("device", "/dev/nvme0n1p2", "fstype", "ext4", "mountpoint", "/"))).isEqualTo(1.71842326528e11);
        assertThat(value(scrape, "process_start_time_seconds", Map.of())).isEqualTo(1.72231847467e9);
        assertThat(scrape.samples("http_requests_total")).extracting(s -> s.label("code"), PrometheusSample::value,
                PrometheusSample::timestampMillis).containsExactly(
                        tuple("200", 1027.0, OptionalLong.of(1395066363000L)),
                        tuple("400", 3.0, OptionalLong.of(1395066363000L)));
        assertThat(scrape.samples("metric_without_timestamp_and_labels").get(0).timestampMillis()).isEmpty();
        assertThat(scrape.family("metric_without_timestamp_and_labels").orElseThrow().type()).isEqualTo(MetricType.UNTYPED);
    }

    @Test
    void unescapesLabelValuesAndHelpText() throws IOException {
        PrometheusScrape scrape = parser.parse(resource("prometheus/real-world.prom"));

        PrometheusSample msdos = scrape.samples("msdos_file_access_time_seconds").get(0);
        assertThat(msdos.label("path")).isEqualTo("C:\\DIR\\FILE.TXT");
        assertThat(msdos.label("error")).isEqualTo("Cannot find file:\n\"FILE.TXT\"");
        assertThat(msdos.value()).isEqualTo(1.458255915e9);
        assertThat(scrape.samples("node_uname_info").get(0).label("version"))
                .isEqualTo("#1 SMP PREEMPT_DYNAMIC Debian 6.1.99-1 (2024-07-15)");
        assertThat(scrape.family("agent_last_error_ratio").orElseThrow().help())
                .isEqualTo("The share of failed calls; NaN before the first call. Escapes: C:\\temp and a\nnew line.");
    }

    @Test
    void readsNaNAndInfinitiesAndNegativeTimestamps() throws IOException {
        PrometheusScrape scrape = parser.parse(resource("prometheus/real-world.prom"));

        PrometheusSample weird = scrape.samples("something_weird").get(0);
        assertThat(weird.value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(weird.timestampMillis()).hasValue(-3982045);
        assertThat(scrape.samples("agent_last_error_ratio").get(0).value()).isNaN();
        assertThat(parser.parse("a -Inf\nb +1.5E-3\nc .5\n").samples()).extracting(PrometheusSample::value)
                .containsExactly(Double.NEGATIVE_INFINITY, 0.0015, 0.5);
    }

    @Test
    void skipsMalformedLinesReportingTheirNumbersAndKeepsTheRest() {
        PrometheusScrape scrape = parser.parse(String.join("\n",
                "# TYPE good_total counter",
                "good_total 1",
                "bad_value 12abc",
                "unclosed{a=\"x} 3",
                "bad_escape{a=\"\\t\"} 3",
                "# TYPE odd frequency",
                "no_value{a=\"1\"}",
                "two_values 1 2 3",
                "good_total 2",
                "still_good{a=\"1\",} 4",
                "good_total_after 5",
                "# TYPE good_total_after gauge",
                "1starts_with_digit 1",
                "dup{le=\"x\",le=\"y\"} 1",
                "# TYPE h histogram",
                "h_bucket{foo=\"1\"} 1",
                "bad_ts 1 12.5"));

        assertThat(scrape.errors()).containsExactly(
                new ScrapeError(3, "column 11: not a number \"12abc\""),
                new ScrapeError(4, "column 12: the value of label a opened here is not closed by '\"'"),
                new ScrapeError(5, "column 17: invalid escape \\t in the value of label a; only \\\\, \\\" and \\n are allowed"),
                new ScrapeError(6, "unknown metric type \"frequency\"; use counter, gauge, summary, histogram or untyped"),
                new ScrapeError(7, "column 16: the value of no_value is missing"),
                new ScrapeError(8, "column 16: unexpected text \"3\" after the timestamp"),
                new ScrapeError(9, "duplicate series good_total"),
                new ScrapeError(12, "the TYPE line for good_total_after comes after its samples"),
                new ScrapeError(13, "column 1: expected a metric name but found '1'"),
                new ScrapeError(14, "column 12: label le appears twice"),
                new ScrapeError(16, "h_bucket{foo=\"1\"} lacks the label le"),
                new ScrapeError(17, "column 10: not a timestamp in milliseconds \"12.5\""));
        assertThat(scrape.samples()).extracting(PrometheusSample::name, PrometheusSample::value).containsExactly(
                tuple("good_total", 1.0), tuple("still_good", 4.0), tuple("good_total_after", 5.0));
    }

    @Test
    void toleratesWindowsLineEndsAndIndentation() {
        PrometheusScrape scrape = parser.parse("# TYPE up gauge\r\n  up{job=\"node\"}\t1\r\n\r\n");

        assertThat(scrape.errors()).isEmpty();
        assertThat(scrape.samples()).extracting(PrometheusSample::name, s -> s.label("job"), PrometheusSample::value)
                .containsExactly(tuple("up", "node", 1.0));
    }

    private static double value(PrometheusScrape scrape, String name, Map<String, String> labels) {
        return scrape.samples(name).stream().filter(s -> s.labels().equals(labels)).findFirst().orElseThrow().value();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = PrometheusTextParserTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

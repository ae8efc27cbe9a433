package io.perfopt.integration.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.perfopt.api.metric.MetricsDocument;
import io.perfopt.api.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusScrapeConverterTest {

    private final ManualClock clock = ManualClock.startingAtEpochOf2026();
    private final PrometheusScrapeConverter converter = new PrometheusScrapeConverter(clock);
    private final PrometheusTextParser parser = new PrometheusTextParser();

    @Test
    void takesAGaugeAsItIs() {
        ScrapeResult result = convert(mapping(new MappingRule.Value("cpu", SeriesSelector.of("agent_cpu_ratio"), 1)), """
                # TYPE agent_cpu_ratio gauge
                agent_cpu_ratio 0.42
                """);

        assertThat(result.metrics()).containsExactly(Map.entry("cpu", 0.42));
        MetricsDocument document = result.document().orElseThrow();
        assertThat(document.agentId()).isEqualTo("a1");
        assertThat(document.timestamp()).isEqualTo(clock.instant());
    }

    @Test
    void takesTheConfiguredQuantileOfASummary() {
        ScrapeResult result = convert(mapping(
                new MappingRule.SummaryQuantile("responseTimeMs", SeriesSelector.of("agent_response_time_ms"), 0.95, 1)), """
                # TYPE agent_response_time_ms summary
                agent_response_time_ms{quantile="0.5"} 800
                agent_response_time_ms{quantile="0.95"} 2100
                agent_response_time_ms_sum 90000
                agent_response_time_ms_count 100
                """);

        assertThat(result.metrics()).containsExactly(Map.entry("responseTimeMs", 2100.0));
    }

    @Test
    void estimatesAHistogramQuantileFromTheBucketsFilledSinceThePreviousScrape() {
        PrometheusMapping mapping = mapping(
                new MappingRule.HistogramQuantile("messageLatencyMs", SeriesSelector.of("latency_seconds"), 0.95, 1000),
                new MappingRule.HistogramQuantile("medianLatencyMs", SeriesSelector.of("latency_seconds"), 0.5, 1000));
        ScrapeResult first = convert(mapping, histogram(10, 20, 30, 40, 40));
        clock.advance(Duration.ofSeconds(10));

        // increases per bucket: 20, 60, 90, 100, 100 (cumulative)
        ScrapeResult second = convert(mapping, histogram(30, 80, 120, 140, 140));

        assertThat(first.metrics()).isEmpty();
        assertThat(first.skipped()).hasSize(2).allMatch(s -> s.contains("first scrape"));
        // p95: rank 95 falls in (0.5, 1] holding 90..100 → 0.5 + 0.5 × (95 − 90) / 10 = 0.75 s
        assertThat(second.metrics().get("messageLatencyMs")).isCloseTo(750.0, within(1e-9));
        // p50: rank 50 falls in (0.1, 0.25] holding 20..60 → 0.1 + 0.15 × (50 − 20) / 40 = 0.2125 s
        assertThat(second.metrics().get("medianLatencyMs")).isCloseTo(212.5, within(1e-9));
    }

    @Test
    void skipsAHistogramWithoutNewObservationsAndRejectsOneWithoutInfBucket() {
        PrometheusMapping mapping = mapping(
                new MappingRule.HistogramQuantile("messageLatencyMs", SeriesSelector.of("latency_seconds"), 0.95, 1));
        convert(mapping, histogram(10, 20, 30, 40, 40));
        clock.advance(Duration.ofSeconds(10));

        ScrapeResult idle = convert(mapping, histogram(10, 20, 30, 40, 40));
        clock.advance(Duration.ofSeconds(10));
        ScrapeResult broken = convert(mapping, """
                latency_seconds_bucket{le="0.1"} 50
                """);

        assertThat(idle.metrics()).isEmpty();
        assertThat(idle.skipped()).containsExactly("agent a1: metric messageLatencyMs: no observations in "
                + "latency_seconds_bucket since the previous scrape");
        assertThat(broken.rejected()).containsExactly(
                "agent a1: metric messageLatencyMs: latency_seconds_bucket: the histogram has no +Inf bucket");
    }

    @Test
    void computesACounterRatePerSecondAcrossScrapesAndAResetAsARestartFromZero() {
        PrometheusMapping mapping = mapping(new MappingRule.Rate("decisionCount", SeriesSelector.of("decisions_total"), 1));

        ScrapeResult first = convert(mapping, "decisions_total 100\n");
        clock.advance(Duration.ofSeconds(10));
        ScrapeResult second = convert(mapping, "decisions_total 150\n");
        clock.advance(Duration.ofSeconds(10));
        ScrapeResult afterRestart = convert(mapping, "decisions_total 30\n");

        assertThat(first.metrics()).isEmpty();
        assertThat(first.rejected()).isEmpty();
        assertThat(second.metrics()).containsExactly(Map.entry("decisionCount", 5.0));
        assertThat(afterRestart.metrics()).containsExactly(Map.entry("decisionCount", 3.0));
    }

    @Test
    void sumsTheRatesOfEverySelectedSeries() {
        PrometheusMapping mapping = mapping(new MappingRule.Rate("decisionCount",
                new SeriesSelector("decisions_total", Map.of("agent", "a1")), 1));
        convert(mapping, "decisions_total{agent=\"a1\",kind=\"buy\"} 10\ndecisions_total{agent=\"a1\",kind=\"sell\"} 10\n"
                + "decisions_total{agent=\"a2\",kind=\"buy\"} 10\n");
        clock.advance(Duration.ofSeconds(2));

        ScrapeResult result = convert(mapping, "decisions_total{agent=\"a1\",kind=\"buy\"} 14\n"
                + "decisions_total{agent=\"a1\",kind=\"sell\"} 12\ndecisions_total{agent=\"a2\",kind=\"buy\"} 1000\n");

        assertThat(result.metrics()).containsExactly(Map.entry("decisionCount", 3.0));
    }

    @Test
    void computesASuccessRateFromFailureAndRequestCountersAndSkipsItWithoutRequests() {
        PrometheusMapping mapping = PrometheusMapping.defaults();
        convert(mapping, "agent_requests_total 1000\nagent_requests_failed_total 100\n");
        clock.advance(Duration.ofSeconds(5));

        ScrapeResult busy = convert(mapping, "agent_requests_total 1200\nagent_requests_failed_total 130\n");
        clock.advance(Duration.ofSeconds(5));
        ScrapeResult idle = convert(mapping, "agent_requests_total 1200\nagent_requests_failed_total 130\n");

        // 1 − 30 / 200
        assertThat(busy.metrics()).containsExactly(Map.entry("successRate", 0.85));
        assertThat(idle.metrics()).isEmpty();
        assertThat(idle.skipped()).contains(
                "agent a1: metric successRate: agent_requests_total did not increase since the previous scrape");
    }

    @Test
    void skipsNaNWithARejectionAndKeepsTheOtherMetrics() {
        ScrapeResult result = convert(PrometheusMapping.defaults(), """
                agent_coordination_score NaN
                agent_cpu_ratio 0.3
                agent_memory_ratio +Inf
                """);

        assertThat(result.metrics()).containsExactly(Map.entry("cpu", 0.3));
        assertThat(result.rejected()).containsExactly(
                "agent a1: metric coordinationScore: value NaN is not a finite number; skipped",
                "agent a1: metric memory: value Infinity is not a finite number; skipped");
    }

    @Test
    void rejectsAmbiguousSeriesAndUsesLabelsToPickOne() {
        String scrape = "agent_memory_ratio{pool=\"heap\"} 0.7\nagent_memory_ratio{pool=\"direct\"} 0.1\n";

        ScrapeResult ambiguous = convert(mapping(new MappingRule.Value("memory", SeriesSelector.of("agent_memory_ratio"), 1)), scrape);
        ScrapeResult picked = convert(mapping(new MappingRule.Value("memory",
                new SeriesSelector("agent_memory_ratio", Map.of("pool", "heap")), 1)), scrape);

        assertThat(ambiguous.metrics()).isEmpty();
        assertThat(ambiguous.rejected()).containsExactly("agent a1: metric memory: 2 series match agent_memory_ratio "
                + "([agent_memory_ratio{pool=\"heap\"}, agent_memory_ratio{pool=\"direct\"}]); add labels to pick one");
        assertThat(picked.metrics()).containsExactly(Map.entry("memory", 0.7));
    }

    @Test
    void mapsTheSimulatorsNamesWithTheDefaultMapping() {
        String before = simulatorScrape(1000, 50, 200, 10, 40, 45);
        String after = simulatorScrape(1100, 60, 230, 30, 80, 85);

        convert(PrometheusMapping.defaults(), before);
        clock.advance(Duration.ofSeconds(5));
        ScrapeResult result = convert(PrometheusMapping.defaults(), after);

        assertThat(result.rejected()).isEmpty();
        assertThat(result.skipped()).isEmpty();
        assertThat(result.metrics()).containsOnlyKeys("responseTimeMs", "successRate", "coordinationScore", "cpu",
                "memory", "averageConfidence", "decisionCount", "messageLatencyMs");
        assertThat(result.metrics().get("successRate")).isCloseTo(0.9, within(1e-12));
        assertThat(result.metrics().get("decisionCount")).isEqualTo(6.0);
        // 40 new observations: 20 in (0, 10], 20 in (10, 50]; rank 38 → 10 + 40 × 18 / 20 = 46 ms
        assertThat(result.metrics().get("messageLatencyMs")).isCloseTo(46.0, within(1e-9));
        assertThat(result.document().orElseThrow().toSamples().rejected()).isEmpty();
    }

    @Test
    void forgetsAnAgentSoItsNextScrapeStartsOver() {
        PrometheusMapping mapping = mapping(new MappingRule.Rate("decisionCount", SeriesSelector.of("decisions_total"), 1));
        convert(mapping, "decisions_total 100\n");
        clock.advance(Duration.ofSeconds(10));

        converter.forget("a1");
        ScrapeResult result = convert(mapping, "decisions_total 150\n");

        assertThat(result.metrics()).isEmpty();
    }

    @Test
    void passesScrapeErrorsOnAsRejections() {
        ScrapeResult result = convert(mapping(new MappingRule.Value("cpu", SeriesSelector.of("agent_cpu_ratio"), 1)),
                "agent_cpu_ratio 0.5\nagent_cpu_ratio{ 0.1\n");

        assertThat(result.metrics()).containsExactly(Map.entry("cpu", 0.5));
        assertThat(result.rejected()).singleElement().asString().startsWith("agent a1: scrape line 2: ");
    }

    private ScrapeResult convert(PrometheusMapping mapping, String text) {
        return converter.convert("a1", mapping, parser.parse(text));
    }

    private static PrometheusMapping mapping(MappingRule... rules) {
        return new PrometheusMapping(List.of(rules));
    }

    private static String histogram(double... cumulative) {
        String[] bounds = {"0.1", "0.25", "0.5", "1", "+Inf"};
        StringBuilder text = new StringBuilder("# TYPE latency_seconds histogram\n");
        for (int i = 0; i < bounds.length; i++) {
            text.append("latency_seconds_bucket{le=\"").append(bounds[i]).append("\"} ").append(cumulative[i]).append('\n');
        }
        return text.append("latency_seconds_count ").append(cumulative[bounds.length - 1]).append('\n').toString();
    }

    private static String simulatorScrape(int requests, int failed, int decisions, int fast, int medium, int all) {
        return """
                # TYPE agent_response_time_ms summary
                agent_response_time_ms{quantile="0.5"} 640
                agent_response_time_ms{quantile="0.95"} 1830
                agent_response_time_ms_sum 123456
                agent_response_time_ms_count 200
                # TYPE agent_requests_total counter
                agent_requests_total %d
                # TYPE agent_requests_failed_total counter
                agent_requests_failed_total %d
                # TYPE agent_decisions_total counter
                agent_decisions_total %d
                # TYPE agent_coordination_score gauge
                agent_coordination_score 0.55
                # TYPE agent_cpu_ratio gauge
                agent_cpu_ratio 0.61
                # TYPE agent_memory_ratio gauge
                agent_memory_ratio 0.47
                # TYPE agent_average_confidence gauge
                agent_average_confidence 0.8
                # TYPE agent_message_latency_ms histogram
                agent_message_latency_ms_bucket{le="10"} %d
                agent_message_latency_ms_bucket{le="50"} %d
                agent_message_latency_ms_bucket{le="+Inf"} %d
                agent_message_latency_ms_sum 1000
                agent_message_latency_ms_count %d
                """.formatted(requests, failed, decisions, fast, medium, all, all);
    }
}

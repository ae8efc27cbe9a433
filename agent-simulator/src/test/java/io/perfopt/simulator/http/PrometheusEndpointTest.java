package io.perfopt.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfopt.api.time.ManualClock;
import io.perfopt.simulator.FleetClient;
import io.perfopt.simulator.SimulatedFleet;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrometheusEndpointTest {

    private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .+");
    private static final Pattern TYPE = Pattern.compile(
            "# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|summary|histogram|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)"
            + "\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\",?)*)\\}"
            + " (NaN|[+-]Inf|[+-]?[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)");

    private final ManualClock clock = ManualClock.startingAtEpochOf2026();
    private SimulatedFleet fleet;
    private FleetClient client;

    @BeforeEach
    void startFleet() {
        fleet = SimulatedFleet.demo(clock, 5);
        client = new FleetClient(fleet.start(0));
    }

    @AfterEach
    void stopFleet() {
        fleet.stop();
    }

    @Test
    void speaksTheTextExpositionFormat() {
        clock.advance(Duration.ofSeconds(30));

        HttpResponse<String> response = client.get("/agents/market-hunter/metrics/prometheus");
        Map<String, Double> samples = parse(response.body());

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(samples).containsKeys("agent_requests_total", "agent_requests_failed_total",
                "agent_decisions_total", "agent_response_time_ms{quantile=\"0.95\"}", "agent_response_time_ms_count",
                "agent_response_time_ms_sum", "agent_message_latency_ms_bucket{le=\"+Inf\"}",
                "agent_coordination_score", "agent_cpu_ratio", "agent_memory_ratio");
        // counters are cumulative: the demo fleet's 3 warm-up minutes plus these 30 s, at 20 requests/s
        assertThat(samples.get("agent_requests_total")).isBetween(3600.0, 4800.0);
        assertThat(samples.get("agent_coordination_score")).isBetween(0.0, 1.0);
    }

    @Test
    void countersNeverGoDownAndTheHistogramIsCumulative() {
        clock.advance(Duration.ofSeconds(20));
        Map<String, Double> before = parse(client.get("/agents/intelligent-execution/metrics/prometheus").body());
        clock.advance(Duration.ofSeconds(20));
        client.get("/agents/intelligent-execution/metrics");
        Map<String, Double> after = parse(client.get("/agents/intelligent-execution/metrics/prometheus").body());

        for (String counter : new String[] {"agent_requests_total", "agent_requests_failed_total",
            "agent_decisions_total", "agent_messages_total"}) {
            assertThat(after.get(counter)).as(counter).isGreaterThanOrEqualTo(before.get(counter));
        }
        assertThat(after.get("agent_requests_total")).isGreaterThan(before.get("agent_requests_total"));
        double previous = 0;
        for (String le : new String[] {"10", "25", "50", "100", "250", "500", "1000", "2500", "5000", "10000",
            "+Inf"}) {
            double bucket = after.get("agent_message_latency_ms_bucket{le=\"" + le + "\"}");
            assertThat(bucket).as("le " + le).isGreaterThanOrEqualTo(previous);
            previous = bucket;
        }
        assertThat(previous).isEqualTo(after.get("agent_message_latency_ms_count"));
    }

    @Test
    void scrapingDoesNotConsumeTheJsonEndpointsInterval() {
        clock.advance(Duration.ofSeconds(30));
        client.get("/agents/market-analyzer/metrics/prometheus");

        double decisions = FleetClient.parse(client.get("/agents/market-analyzer/metrics").body())
                .get("metrics").get("decisionCount").asDouble();

        assertThat(decisions).isGreaterThan(100);
    }

    /**
     * Checks every line against the format and returns the samples by name and extra labels
     * (the agent and class labels left out).
     */
    private static Map<String, Double> parse(String exposition) {
        Map<String, Double> samples = new HashMap<>();
        Set<String> typed = new HashSet<>();
        for (String line : exposition.split("\n")) {
            Matcher help = HELP.matcher(line);
            Matcher type = TYPE.matcher(line);
            Matcher sample = SAMPLE.matcher(line);
            if (type.matches()) {
                assertThat(typed.add(type.group(1))).as("one TYPE line for " + type.group(1)).isTrue();
            } else if (sample.matches()) {
                String name = sample.group(1);
                String family = name.replaceAll("_(bucket|sum|count)$", "");
                assertThat(typed).as("TYPE before sample " + line).containsAnyOf(name, family);
                String labels = sample.group(2);
                assertThat(labels).as(line).matches("agent=\"[a-z-]+\",class=\"[a-z-]+\".*");
                String extra = labels.replaceFirst("agent=\"[^\"]+\",class=\"[^\"]+\",?", "");
                samples.put(extra.isEmpty() ? name : name + "{" + extra + "}", parseValue(sample.group(3)));
            } else {
                assertThat(help.matches()).as("a valid exposition line: " + line).isTrue();
            }
        }
        return samples;
    }

    private static double parseValue(String value) {
        return switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }
}

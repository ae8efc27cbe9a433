package io.perfopt.api.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricSampleTest {

    private static final Instant T = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void rejectsNaNNamingTheAgentAndMetric() {
        assertThatThrownBy(() -> new MetricSample("market-hunter", "responseTimeMs", Double.NaN, T))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metric responseTimeMs of agent market-hunter must be a finite number, got NaN");
    }

    @Test
    void rejectsARateOutsideZeroToOne() {
        assertThatThrownBy(() -> new MetricSample("a1", "successRate", 1.7, T))
                .hasMessage("metric successRate of agent a1 must be within 0..1, got 1.7");
    }

    @Test
    void rejectsANegativeDuration() {
        assertThatThrownBy(() -> new MetricSample("a1", "responseTimeMs", -5, T))
                .hasMessage("metric responseTimeMs of agent a1 must be >= 0, got -5.0");
    }

    @Test
    void rejectsInfinityForUnknownMetrics() {
        assertThatThrownBy(() -> new MetricSample("a1", "queueDepth", Double.POSITIVE_INFINITY, T))
                .hasMessageContaining("queueDepth").hasMessageContaining("Infinity");
    }

    @Test
    void keepsUnknownMetricsByName() {
        assertThat(new MetricSample("a1", "queueDepth", -3, T).metric()).isEqualTo("queueDepth");
    }

    @Test
    void aDocumentLosesOnlyItsBadValues() {
        MetricsDocument doc = new MetricsDocument("a1", T,
                Map.of("responseTimeMs", 2500.0, "successRate", Double.NaN, "coordinationScore", 0.54),
                Map.of("responseTimeMs", List.of(2400.0, 2600.0)));

        MetricsDocument.Conversion conversion = doc.toSamples();

        assertThat(conversion.accepted()).extracting(MetricSample::metric)
                .containsExactlyInAnyOrder("responseTimeMs", "responseTimeMs", "coordinationScore");
        assertThat(conversion.rejected())
                .containsExactly("metric successRate of agent a1 must be a finite number, got NaN");
    }

    @Test
    void rawSamplesReplaceTheAggregate() {
        MetricsDocument doc = new MetricsDocument("a1", T, Map.of("responseTimeMs", 2500.0),
                Map.of("responseTimeMs", List.of(1.0, 2.0, 3.0)));

        assertThat(doc.toSamples().accepted()).extracting(MetricSample::value).containsExactly(1.0, 2.0, 3.0);
    }

    @Test
    void anEmptySamplesListFallsBackToTheAggregateOrIsRejected() {
        MetricsDocument doc = new MetricsDocument("a1", T, Map.of("responseTimeMs", 2500.0),
                Map.of("responseTimeMs", List.of(), "successRate", List.of()));

        MetricsDocument.Conversion conversion = doc.toSamples();

        assertThat(conversion.accepted()).extracting(MetricSample::value).containsExactly(2500.0);
        assertThat(conversion.rejected()).containsExactly("metric successRate of agent a1 has an empty samples list");
    }

    @Test
    void anEmptyDocumentIsRejected() {
        assertThatThrownBy(() -> MetricsDocument.of("a1", T, Map.of()))
                .hasMessage("metrics document of agent a1 holds no metrics");
    }

    @Test
    void goalsFollowTheMetric() {
        assertThat(StandardMetric.goalOf("responseTimeMs")).isEqualTo(Goal.MINIMIZE);
        assertThat(StandardMetric.goalOf("successRate")).isEqualTo(Goal.MAXIMIZE);
        assertThat(Goal.MINIMIZE.relativeImprovement(2800, 1750)).isEqualTo(37.5);
        assertThat(Goal.MAXIMIZE.relativeImprovement(0.5, 0.6)).isCloseTo(20, org.assertj.core.api.Assertions.within(1e-9));
    }
}

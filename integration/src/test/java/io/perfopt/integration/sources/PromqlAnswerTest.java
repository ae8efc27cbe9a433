package io.perfopt.integration.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Answers recorded from a real Prometheus 2.42 scraping the simulated fleet ({@code src/test/resources/promql}). */
class PromqlAnswerTest {

    static byte[] recorded(String name) throws IOException {
        try (InputStream in = PromqlAnswerTest.class.getResourceAsStream("/promql/" + name)) {
            if (in == null) {
                throw new IOException("no recorded answer " + name);
            }
            return in.readAllBytes();
        }
    }

    private static PromqlAnswer.Outcome read(String name) throws IOException {
        return PromqlAnswer.read(recorded(name));
    }

    @Test
    void takesTheValueOfTheOneSeriesOfAnInstantVector() throws Exception {
        assertThat(read("one-series.json")).isEqualTo(new PromqlAnswer.Value(2782.643581435015));
        assertThat(read("success-ratio.json")).isEqualTo(new PromqlAnswer.Value(0.6642335766423357));
    }

    @Test
    void takesAScalar() throws Exception {
        assertThat(read("scalar.json")).isEqualTo(new PromqlAnswer.Value(0.7272727272727273));
    }

    @Test
    void refusesAVectorWithoutSeries() throws Exception {
        assertThat(read("no-series.json")).isEqualTo(new PromqlAnswer.Refusal(
                "the query returned no series; check that its selector matches a series now"));
    }

    @Test
    void refusesSeveralSeriesAndSaysToAggregate() throws Exception {
        assertThat(read("several-series.json")).isInstanceOfSatisfying(PromqlAnswer.Refusal.class, r ->
                assertThat(r.reason()).startsWith("the query returned 2 series {\"__name__\":\"agent_response_time_ms\"")
                        .contains("market-hunter").endsWith("aggregate them to one, e.g. with max(...) or sum(...)"));
    }

    @Test
    void refusesNaNAndInfinity() throws Exception {
        assertThat(read("nan-vector.json")).isEqualTo(new PromqlAnswer.Refusal(
                "the query returned NaN (no data in its range, or a division by zero)"));
        assertThat(read("nan-scalar.json")).isInstanceOf(PromqlAnswer.Refusal.class);
        assertThat(read("inf.json")).isEqualTo(new PromqlAnswer.Refusal("the query returned +Inf"));
    }

    @Test
    void refusesARangeVectorAndAnErrorWithPrometheusReason() throws Exception {
        assertThat(read("range-vector.json")).isEqualTo(new PromqlAnswer.Refusal(
                "the query returned a matrix, not an instant vector or scalar"));
        assertThat(read("bad-query.json")).isEqualTo(new PromqlAnswer.Refusal("Prometheus answered bad_data: "
                + "invalid parameter \"query\": 1:28: parse error: unexpected end of input inside braces"));
    }

    @Test
    void refusesWhatIsNotAnApiAnswer() {
        assertThat(PromqlAnswer.read("<html>login</html>".getBytes())).isInstanceOfSatisfying(
                PromqlAnswer.Refusal.class, r -> assertThat(r.reason()).startsWith("the answer is not JSON"));
        assertThat(PromqlAnswer.read("[1, 2]".getBytes())).isEqualTo(new PromqlAnswer.Refusal(
                "the answer is not a Prometheus API answer (a JSON object)"));
    }

    @Test
    void buildsTheInstantQueryUrlUnderAnyPathPrefix() {
        assertThat(PromqlSource.queryUri(java.net.URI.create("http://prom:9090/"), "max(up{job=\"a b\"})"))
                .hasToString("http://prom:9090/api/v1/query?query=max%28up%7Bjob%3D%22a+b%22%7D%29");
        assertThat(PromqlSource.queryUri(java.net.URI.create("https://example.org/prometheus"), "up"))
                .hasToString("https://example.org/prometheus/api/v1/query?query=up");
    }
}

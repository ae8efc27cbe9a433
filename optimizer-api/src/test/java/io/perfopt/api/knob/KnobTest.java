package io.perfopt.api.knob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnobTest {

    private final Knob cache = Knob.ofInt("cache.size", 0, 10000, 100, "latency", "cache");
    private final Knob source = Knob.ofEnum("source.priority", List.of("news", "social", "onchain"), "news");

    @Test
    void convertsWireValuesOfEachType() {
        assertThat(cache.fromWire(400)).isEqualTo(400);
        assertThat(cache.toWire(400)).isEqualTo(400L);
        assertThat(source.fromWire("onchain")).isEqualTo(2);
        assertThat(source.toWire(1)).isEqualTo("social");
        assertThat(Knob.ofBoolean("batching", false).fromWire(true)).isEqualTo(1);
        assertThat(Knob.ofDouble("threshold", 0.3, 0.95, 0.8).fromWire(0.6)).isEqualTo(0.6);
    }

    @Test
    void rejectsAWireValueOutOfRange() {
        assertThatThrownBy(() -> cache.fromWire(20000))
                .hasMessage("knob cache.size takes values within 0..10000, got 20000");
    }

    @Test
    void rejectsAWireValueOfTheWrongType() {
        assertThatThrownBy(() -> cache.fromWire("big"))
                .hasMessage("knob cache.size takes a int value, got big (String)");
        assertThatThrownBy(() -> cache.fromWire(1.5)).hasMessage("knob cache.size takes whole numbers, got 1.5");
        assertThatThrownBy(() -> source.fromWire("tv"))
                .hasMessage("knob source.priority takes one of [news, social, onchain], got tv");
    }

    @Test
    void refusesToWriteAValueItDoesNotTake() {
        assertThatThrownBy(() -> source.toWire(7)).hasMessage("knob source.priority has no value 7; it takes 0..2, whole");
        assertThatThrownBy(() -> cache.toWire(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snapsIntoRangeAndToWholeValues() {
        assertThat(cache.snap(123.6)).isEqualTo(124);
        assertThat(cache.snap(1e9)).isEqualTo(10000);
        assertThat(cache.changeTo(-5)).isEqualTo(new KnobChange("cache.size", 100, 0));
    }

    @Test
    void rejectsAValueOutsideItsOwnRange() {
        assertThatThrownBy(() -> Knob.ofInt("workers", 1, 64, 100))
                .hasMessage("knob workers: value 100 is outside 1..64");
    }

    @Test
    void aChangeKnowsItsDirectionAndInverse() {
        KnobChange up = cache.changeTo(400);
        assertThat(up.direction()).isEqualTo(ChangeDirection.UP);
        assertThat(up.inverse()).isEqualTo(new KnobChange("cache.size", 400, 100));
        assertThatThrownBy(() -> new KnobChange("cache.size", 5, 5)).hasMessage("change of knob cache.size keeps its value 5");
    }
}

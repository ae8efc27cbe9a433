package io.perfopt.integration.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestTest {

    @Test
    void findsTheKnownNameAFewEditsAway() {
        List<String> known = List.of("perfopt.detection.window", "perfopt.detection.min-samples",
                "perfopt.window.max-age");

        assertThat(Closest.to("perfopt.detetcion.window", known)).contains("perfopt.detection.window");
        assertThat(Closest.to("perfopt.window.maxage", known)).contains("perfopt.window.max-age");
    }

    @Test
    void countsInsertionsDeletionsAndSubstitutions() {
        assertThat(Closest.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Closest.distance("", "abc")).isEqualTo(3);
        assertThat(Closest.distance("same", "same")).isZero();
    }
}

package io.perfopt.integration.cli.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyLinesTest {

    @Test
    void findsEachKeyWithItsLineAndValueColumn() {
        List<PropertyLines.Entry> entries = PropertyLines.of("""
                # a comment
                perfopt.node.id=node-7
                  ! another comment

                perfopt.judge.alpha : 0.01
                perfopt.cycle.cron 0 0/5 * * * ?
                """);

        assertThat(entries).containsExactly(
                new PropertyLines.Entry("perfopt.node.id", 2, 1, 17),
                new PropertyLines.Entry("perfopt.judge.alpha", 5, 1, 23),
                new PropertyLines.Entry("perfopt.cycle.cron", 6, 1, 20));
    }

    @Test
    void aContinuedValueKeepsTheLineOfItsKeyAndTheNextKeyItsOwn() {
        List<PropertyLines.Entry> entries = PropertyLines.of("perfopt.api.token=abc\\\n    def\nperfopt.node.id=n\n");

        assertThat(entries).extracting(PropertyLines.Entry::key, PropertyLines.Entry::line)
                .containsExactly(tuple("perfopt.api.token", 1), tuple("perfopt.node.id", 3));
    }

    @Test
    void anIndentedKeyHasItsOwnColumn() {
        assertThat(PropertyLines.of("   perfopt.node.id = n").get(0)).isEqualTo(
                new PropertyLines.Entry("perfopt.node.id", 1, 4, 22));
    }

    @Test
    void anEscapedSeparatorBelongsToTheKey() {
        assertThat(PropertyLines.of("my\\=key=1").get(0).key()).isEqualTo("my=key");
    }
}

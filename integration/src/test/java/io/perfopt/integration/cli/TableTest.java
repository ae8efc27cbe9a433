package io.perfopt.integration.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TableTest {

    private static String print(Table table) {
        StringWriter text = new StringWriter();
        table.print(new PrintWriter(text));
        return text.toString();
    }

    @Test
    void alignsColumnsAndRightAlignsNumbers() {
        Table table = new Table("AGENT", "SAMPLES", "STATE").right("SAMPLES")
                .row("market-hunter", 412, "fresh")
                .row("a", 7, "stale");

        assertThat(print(table)).isEqualTo("""
                AGENT          SAMPLES  STATE
                market-hunter      412  fresh
                a                    7  stale
                """);
    }

    @Test
    void showsAbsentValuesAsADashAndCutsLongCells() {
        String text = print(new Table("A", "B").row(null, "x".repeat(100)));

        assertThat(text.lines().toList().get(1)).startsWith("-  xxx").endsWith("...")
                .hasSize(3 + Table.MAX_CELL);
    }

    @Test
    void aRowMustFillEveryColumn() {
        assertThatThrownBy(() -> new Table("A", "B").row("only one"))
                .hasMessageContaining("a row of 1 cells in a table of 2 columns");
    }
}

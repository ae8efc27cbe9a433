package io.perfopt.integration.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SendCommandTest {

    @Test
    void numbersAreSentAsNumbersAndEverythingElseAsText() {
        assertThat(SendCommand.value("10")).isEqualTo(10L);
        assertThat(SendCommand.value("-2")).isEqualTo(-2L);
        assertThat(SendCommand.value("0.5")).isEqualTo(0.5);
        assertThat(SendCommand.value("1e3")).isEqualTo(1000L);
        assertThat(SendCommand.value("market-hunter")).isEqualTo("market-hunter");
        assertThat(SendCommand.value("10s")).isEqualTo("10s");
        assertThat(SendCommand.value("")).isEqualTo("");
    }
}

package io.perfopt.integration.collect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PollRoutesTest {

    @Test
    void aPasswordInAUrlNeverReachesTheLog() {
        assertThat(PollRoutes.withoutSecrets("jdbc:postgresql://db:5432/ops?user=perf&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/ops?user=perf&password=****&ssl=true");
        assertThat(PollRoutes.withoutSecrets("http://agent:9100/metrics")).isEqualTo("http://agent:9100/metrics");
    }
}

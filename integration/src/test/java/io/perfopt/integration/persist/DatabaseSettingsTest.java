package io.perfopt.integration.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perfopt.integration.app.PerfoptSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    private final Path home = Path.of("/opt/perfopt");

    @Test
    void theDefaultH2FileLivesUnderThePerfoptHome() {
        DatabaseSettings settings = DatabaseSettings.from(PerfoptSettings.defaultsOnly(), home);

        assertThat(settings.url()).isEqualTo("jdbc:h2:file:/opt/perfopt/data/perfopt");
        assertThat(settings.schema()).isNull();
    }

    @Test
    void resolvesRelativeH2PathsOnlyAndKeepsTheirParameters() {
        assertThat(H2Path.resolve("jdbc:h2:./db/x;AUTO_SERVER=TRUE", home))
                .isEqualTo("jdbc:h2:/opt/perfopt/db/x;AUTO_SERVER=TRUE");
        assertThat(H2Path.resolve("jdbc:h2:file:../shared/x", home)).isEqualTo("jdbc:h2:file:/opt/shared/x");
        assertThat(H2Path.resolve("jdbc:h2:file:/var/lib/perfopt/x", home)).isEqualTo("jdbc:h2:file:/var/lib/perfopt/x");
        assertThat(H2Path.resolve("jdbc:h2:file:~/x", home)).isEqualTo("jdbc:h2:file:~/x");
        assertThat(H2Path.resolve("jdbc:h2:mem:x", home)).isEqualTo("jdbc:h2:mem:x");
        assertThat(H2Path.resolve("jdbc:postgresql://db/perfopt", home)).isEqualTo("jdbc:postgresql://db/perfopt");
    }

    @Test
    void namesTheDatabaseWithoutItsPassword() {
        DatabaseSettings settings = DatabaseSettings.from(PerfoptSettings.defaultsOnly().with(Map.of(
                "perfopt.db.url", "jdbc:postgresql://db:5432/perfopt?user=perfopt&password=hunter2&ssl=true",
                "perfopt.db.password", "hunter3", "perfopt.db.schema", "fleet_a")), home);

        assertThat(settings.describe()).isEqualTo(
                "jdbc:postgresql://db:5432/perfopt?user=perfopt&password=****&ssl=true as sa, schema fleet_a");
        assertThat(settings.toString()).doesNotContain("hunter");
    }

    @Test
    void refusesASchemaThatIsNotAPlainIdentifierAndOtherBadValues() {
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:h2:mem:x", "sa", "", "a; drop table x", 4,
                Duration.ofSeconds(5))).hasMessageContaining("perfopt.db.schema must be a plain identifier");
        assertThatThrownBy(() -> new DatabaseSettings("postgres://db", "sa", "", null, 4, Duration.ofSeconds(5)))
                .hasMessageContaining("must be a JDBC URL starting with jdbc:");
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:h2:mem:x", "sa", "", null, 0, Duration.ofSeconds(5)))
                .hasMessageContaining("perfopt.db.pool-size must be within 1..100, got 0");
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:h2:mem:x", "sa", "", null, 4, Duration.ofMillis(10)))
                .hasMessageContaining("perfopt.db.connect-timeout must be at least 250ms");
    }
}

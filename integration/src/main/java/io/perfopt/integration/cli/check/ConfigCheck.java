package io.perfopt.integration.cli.check;

import io.perfopt.integration.agents.AgentsFile;
import io.perfopt.integration.app.PerfoptSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks an installation's configuration, everything {@code perfopt run} reads before it starts:
 * {@code conf/perfopt.properties}, the agents file and the routes directory it names.
 */
final class ConfigCheck {

    private final Path home;
    private final AgentsFile agentsReader;

    ConfigCheck(Path home, AgentsFile agentsReader) {
        this.home = home;
        this.agentsReader = agentsReader;
    }

    List<CheckedFile> run() {
        List<CheckedFile> checked = new ArrayList<>();
        Path properties = home.resolve("conf/perfopt.properties");
        checked.add(new PropertiesCheck(KnownSettings.fromDefaults(), CamelOptions.load())
                .check(properties, shown(properties)));
        // where the agents and routes are comes from the settings, as far as they could be read
        PerfoptSettings settings;
        try {
            settings = PerfoptSettings.load(properties, Map.of());
        } catch (PerfoptSettings.SettingsException e) {
            settings = PerfoptSettings.defaultsOnly(); // the properties check reported why
        }
        String agents = settings.text("perfopt.agents.file", "");
        if (!agents.isBlank()) {
            Path file = home.resolve(agents);
            checked.add(new AgentsCheck(agentsReader).check(file, shown(file)));
        }
        Path routes = home.resolve(settings.text("perfopt.routes.dir", "conf/routes"));
        checked.add(new RoutesCheck().check(routes, shown(routes)));
        return checked;
    }

    private String shown(Path path) {
        return path.normalize().toString();
    }
}

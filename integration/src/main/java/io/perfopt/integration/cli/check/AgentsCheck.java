package io.perfopt.integration.cli.check;

import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.AgentsFile;
import io.perfopt.integration.agents.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks {@code conf/agents.yaml} with the reader {@code perfopt run} uses: every problem, with its line. */
final class AgentsCheck {

    private final AgentsFile reader;

    AgentsCheck(AgentsFile reader) {
        this.reader = reader;
    }

    CheckedFile check(Path file, String shown) {
        if (!Files.isRegularFile(file)) {
            return new CheckedFile(shown, "not found: perfopt starts with no declared agents "
                    + "(they may register at POST /api/agents)", List.of());
        }
        try {
            List<AgentConfig> agents = reader.parse(Files.readString(file), shown);
            long controlled = agents.stream().filter(AgentConfig::hasControl).count();
            return new CheckedFile(shown, agents.size() + (agents.size() == 1 ? " agent" : " agents") + ", "
                    + controlled + " with a control endpoint", List.of());
        } catch (ConfigException e) {
            return new CheckedFile(shown, "", e.problems().stream().map(Finding::of).toList());
        } catch (java.io.IOException e) {
            return new CheckedFile(shown, "", List.of(new Finding(shown, 0, 0, "", "cannot be read: " + e)));
        }
    }
}

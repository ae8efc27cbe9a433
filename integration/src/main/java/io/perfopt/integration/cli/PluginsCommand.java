package io.perfopt.integration.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.integration.cli.client.ApiClient;
import io.perfopt.integration.cli.client.ClientException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code perfopt plugins list|enable|disable|reload|rescan}: the node's optimizer plugins. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Lists a node's optimizer plugins, and enables, disables, reloads or rescans them without a restart.",
        subcommands = {PluginsCommand.ListPlugins.class, PluginsCommand.Enable.class, PluginsCommand.Disable.class,
            PluginsCommand.Reload.class, PluginsCommand.Rescan.class})
final class PluginsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("perfopt plugins: name what to do: list, enable ID, disable ID, reload ID "
                + "or rescan");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    @Command(name = "list", description = "Lists the plugins: state, extensions, calls, failures, learned success rate.")
    static final class ListPlugins extends ClientCommand {

        @Override
        ApiClient.Answer ask(ApiClient api) throws ClientException {
            return api.get("/api/plugins");
        }

        @Override
        void show(JsonNode plugins, PrintWriter out) {
            if (plugins.isEmpty()) {
                out.println("no plugins loaded: drop plugin files into the node's plugins/ and run perfopt plugins rescan");
                return;
            }
            Table table = new Table("PLUGIN", "VERSION", "STATE", "EXTENSIONS", "CALLS", "FAILURES", "TRIALS",
                    "SUCCESS", "ERROR").right("CALLS", "FAILURES", "TRIALS", "SUCCESS");
            for (JsonNode p : plugins) {
                long calls = 0;
                long failures = 0;
                long trials = 0;
                double successes = 0;
                List<String> extensions = new ArrayList<>();
                for (JsonNode e : p.path("extensions")) {
                    extensions.add(e.path("optimizerId").asText() + (e.path("enabledInEngine").asBoolean(true)
                            ? "" : " (cut off)"));
                    calls += e.path("calls").asLong();
                    failures += e.path("failures").asLong();
                    trials += e.path("trials").asLong();
                    successes += e.path("successRate").asDouble(0) * e.path("trials").asLong();
                }
                table.row(p.path("id").asText(), Cells.text(p.get("version")), Cells.text(p.get("state")),
                        String.join(", ", extensions), calls, failures, trials,
                        trials == 0 ? null : String.format(java.util.Locale.ROOT, "%.0f %%", 100 * successes / trials),
                        Cells.text(p.get("error")));
            }
            table.print(out);
        }
    }

    /** enable, disable and reload: one plugin, by id. */
    abstract static class PluginAction extends ClientCommand {

        @Parameters(index = "0", paramLabel = "ID", description = "the plugin's id, as perfopt plugins list shows it")
        String id;

        abstract String action();

        @Override
        ApiClient.Answer ask(ApiClient api) throws ClientException {
            return api.post("/api/plugins/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")
                    + "/" + action(), null);
        }

        @Override
        void show(JsonNode plugin, PrintWriter out) {
            List<String> extensions = new ArrayList<>();
            plugin.path("extensions").forEach(e -> extensions.add(e.path("optimizerId").asText()));
            out.println("plugin " + plugin.path("id").asText() + " " + Cells.text(plugin.get("version")) + ": "
                    + plugin.path("state").asText()
                    + (extensions.isEmpty() ? "" : ", extensions " + String.join(", ", extensions))
                    + (plugin.path("error").isTextual() ? " (" + plugin.get("error").asText() + ")" : ""));
        }
    }

    @Command(name = "enable", description = "Enables a plugin (and lifts the engine's cut-off of its extensions).")
    static final class Enable extends PluginAction {
        @Override
        String action() {
            return "enable";
        }
    }

    @Command(name = "disable", description = "Disables a plugin: the engine stops asking it for strategies.")
    static final class Disable extends PluginAction {
        @Override
        String action() {
            return "disable";
        }
    }

    @Command(name = "reload", description = "Loads a plugin's file again; what was learned about it is kept.")
    static final class Reload extends PluginAction {
        @Override
        String action() {
            return "reload";
        }
    }

    @Command(name = "rescan", description = "Loads plugin files new in the plugin directory, unloads removed ones.")
    static final class Rescan extends ClientCommand {

        @Override
        ApiClient.Answer ask(ApiClient api) throws ClientException {
            return api.post("/api/plugins/rescan", null);
        }

        @Override
        void show(JsonNode result, PrintWriter out) {
            boolean changed = false;
            for (String part : List.of("loaded", "reloaded", "unloaded", "refused")) {
                JsonNode list = result.path(part);
                if (!list.isEmpty()) {
                    changed = true;
                    out.println(part + ": " + Cells.list(list));
                }
            }
            if (!changed) {
                out.println("nothing changed in the plugin directory");
            }
        }
    }
}

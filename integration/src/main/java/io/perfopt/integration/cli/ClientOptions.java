package io.perfopt.integration.cli;

import io.perfopt.integration.app.PerfoptSettings;
import io.perfopt.integration.cli.client.ApiClient;
import io.perfopt.integration.cli.client.ClientException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of every client command: which node, with which token, and whether to print its
 * JSON as is. The defaults come from the installation's {@code conf/perfopt.properties}, so on
 * the node's own machine {@code perfopt status} needs no option at all.
 */
public final class ClientOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--url", paramLabel = "URL",
            description = "the node's API; default: http://127.0.0.1:<perfopt.api.port of conf/perfopt.properties>")
    URI url;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "the node's API token; default: $PERFOPT_TOKEN, else perfopt.api.token of "
                    + "conf/perfopt.properties (prefer those: a command line is visible to other users)")
    String token;

    @Option(names = "--json", description = "print the node's JSON answer as is, for scripts")
    boolean json;

    /** A client for the node these options name. */
    ApiClient connect() throws ClientException {
        PerfoptCli root = root();
        if (url != null && token != null) {
            return new ApiClient(base(url), token);
        }
        Path file = root.home().resolve("conf/perfopt.properties");
        PerfoptSettings settings;
        try {
            settings = PerfoptSettings.load(file, Map.of());
        } catch (PerfoptSettings.SettingsException e) {
            throw new ClientException(ExitCode.CONFIG_ERROR, e.getMessage() + "; pass --url and --token instead");
        }
        String configuredToken = settings.text("perfopt.api.token", "");
        String chosenToken = token != null ? token : root.environment("PERFOPT_TOKEN").orElse(configuredToken);
        URI chosen = url != null ? base(url) : defaultUrl(settings, configuredToken, file);
        return new ApiClient(chosen, chosenToken);
    }

    boolean json() {
        return json;
    }

    private static URI defaultUrl(PerfoptSettings settings, String configuredToken, Path file)
            throws ClientException {
        int port;
        try {
            port = settings.integer("perfopt.api.port");
        } catch (PerfoptSettings.SettingsException e) {
            throw new ClientException(ExitCode.CONFIG_ERROR, e.getMessage() + "; or pass --url");
        }
        String host = settings.text("perfopt.api.host", "0.0.0.0");
        // a node without a token listens on loopback only; one bound to every address answers there too
        if (configuredToken.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        try {
            return URI.create("http://" + host + ":" + port + "/");
        } catch (IllegalArgumentException e) {
            throw new ClientException(ExitCode.CONFIG_ERROR, file + ": perfopt.api.host " + host
                    + " does not make a URL; pass --url");
        }
    }

    // the API paths are absolute; a base given with a path (a proxy prefix) keeps it
    private static URI base(URI given) {
        String text = given.toString();
        return URI.create(text.endsWith("/") ? text : text + "/");
    }

    private PerfoptCli root() {
        Object root = mixee.root().userObject();
        return root instanceof PerfoptCli cli ? cli : new PerfoptCli();
    }
}

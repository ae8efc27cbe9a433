package io.perfopt.integration.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.integration.cli.client.ApiClient;
import io.perfopt.integration.cli.client.ClientException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that asks a running node something over its API and shows the answer: as a table
 * for a person, as the node's JSON with {@code --json}. A failure is one line on stderr naming
 * what went wrong and how to fix it, and the matching exit code.
 */
@Command(mixinStandardHelpOptions = true, sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the node answered an error, or could not be reached (the message says which)",
            "2:usage error",
            "3:configuration error (conf/perfopt.properties)",
            "4:not authorized: the node refused the API token"})
abstract class ClientCommand implements Callable<Integer> {

    @Mixin
    ClientOptions client;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        PerfoptCli.quietConsole();
        PrintWriter out = spec.commandLine().getOut();
        try {
            ApiClient.Answer answer = ask(client.connect());
            if (client.json()) {
                out.println(answer.raw());
            } else {
                show(answer.json(), out);
            }
            out.flush();
            return ExitCode.OK;
        } catch (ClientException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            err.flush();
            return e.exitCode();
        }
    }

    /** The request this command makes. */
    abstract ApiClient.Answer ask(ApiClient api) throws ClientException;

    /** The answer for a person. */
    abstract void show(JsonNode answer, PrintWriter out);

    /** A usage error found after parsing (exit code 2, with the usage). */
    picocli.CommandLine.ParameterException usage(String message) {
        return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
    }
}

package io.perfopt.integration.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.integration.cli.client.ApiClient;
import io.perfopt.integration.cli.client.ClientException;
import java.io.PrintWriter;
import java.util.Map;

/** The commands that {@code POST /api/commands}: approve, reject and command. */
abstract class CommandAnswer extends ClientCommand {

    /** The command's JSON fields, {@code command} included. */
    abstract Map<String, Object> command();

    @Override
    final ApiClient.Answer ask(ApiClient api) throws ClientException {
        return api.post("/api/commands", command());
    }

    @Override
    final void show(JsonNode answer, PrintWriter out) {
        out.println(answer.path("command").asText() + ": " + answer.path("message").asText());
    }
}

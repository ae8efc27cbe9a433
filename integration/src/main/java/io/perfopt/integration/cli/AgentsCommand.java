package io.perfopt.integration.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.integration.cli.client.ApiClient;
import io.perfopt.integration.cli.client.ClientException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code perfopt agents}: the fleet, one line per agent ({@code GET /api/agents}). */
@Command(name = "agents", description = "Lists the agents: freshness, collection, open bottlenecks, change in flight.")
final class AgentsCommand extends ClientCommand {

    @Override
    ApiClient.Answer ask(ApiClient api) throws ClientException {
        return api.get("/api/agents");
    }

    @Override
    void show(JsonNode agents, PrintWriter out) {
        if (agents.isEmpty()) {
            out.println("no agents: declare them in conf/agents.yaml or register them with POST /api/agents");
            return;
        }
        Table table = new Table("AGENT", "CLASS", "SOURCE", "FRESHNESS", "LAST SAMPLE", "SAMPLES", "REJECTED",
                "FAILURES", "BOTTLENECKS", "CHANGE").right("SAMPLES", "REJECTED", "FAILURES");
        for (JsonNode a : agents) {
            JsonNode collection = a.path("collection");
            table.row(a.path("id").asText(), Cells.text(a.get("agentClass")), Cells.text(a.get("source")),
                    a.path("freshness").asText() + (a.path("failing").asBoolean() ? ", failing" : ""),
                    Cells.time(a.get("lastSeen")), Cells.count(collection.get("samplesAccepted")),
                    Cells.count(collection.get("samplesRejected")), Cells.count(collection.get("failures")),
                    bottlenecks(a.path("bottlenecks")), Cells.text(a.get("changeInFlight")));
        }
        table.print(out);
    }

    private static String bottlenecks(JsonNode list) {
        if (list.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode b : list) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(Cells.lower(b.get("type"))).append(" (").append(Cells.lower(b.get("severity"))).append(')');
        }
        return text.toString();
    }
}

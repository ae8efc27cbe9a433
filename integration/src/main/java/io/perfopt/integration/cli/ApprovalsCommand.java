package io.perfopt.integration.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.integration.cli.client.ApiClient;
import io.perfopt.integration.cli.client.ClientException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code perfopt approvals}: strategies waiting for approval ({@code GET /api/approvals}). */
@Command(name = "approvals",
        description = "Lists the strategies too risky for the current autonomy level, waiting for approve or reject.")
final class ApprovalsCommand extends ClientCommand {

    @Override
    ApiClient.Answer ask(ApiClient api) throws ClientException {
        return api.get("/api/approvals");
    }

    @Override
    void show(JsonNode waiting, PrintWriter out) {
        if (waiting.isEmpty()) {
            out.println("no strategy waits for approval");
            return;
        }
        Table table = new Table("STRATEGY", "AGENT", "PLUGIN", "RISK", "ALLOWED", "EXPECTED", "SINCE", "APPROVED",
                "CHANGE").right("RISK", "ALLOWED", "EXPECTED");
        for (JsonNode w : waiting) {
            table.row(w.path("id").asText(), Cells.text(w.get("agentId")), Cells.text(w.get("pluginId")),
                    Cells.decimal(w.get("risk"), 2), Cells.decimal(w.get("maxUnattendedRisk"), 2),
                    Cells.signedPercent(w.get("expectedImprovement")), Cells.time(w.get("since")),
                    w.path("approved").asBoolean() ? "yes" : "no",
                    Cells.list(w.path("actions")) == null ? Cells.text(w.get("description")) : Cells.list(w.path("actions")));
        }
        table.print(out);
        out.println("approve with: perfopt approve STRATEGY; reject with: perfopt reject STRATEGY --reason TEXT");
    }
}

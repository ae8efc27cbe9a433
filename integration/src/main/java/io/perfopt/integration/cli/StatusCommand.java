package io.perfopt.integration.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.integration.cli.client.ApiClient;
import io.perfopt.integration.cli.client.ClientException;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code perfopt status}: the node at a glance ({@code GET /api/status}). */
@Command(name = "status", description = "Shows a running node at a glance: cycles, control, autonomy, agents, impact.")
final class StatusCommand extends ClientCommand {

    @Override
    ApiClient.Answer ask(ApiClient api) throws ClientException {
        return api.get("/api/status");
    }

    @Override
    void show(JsonNode s, PrintWriter out) {
        JsonNode agents = s.path("agents");
        JsonNode impact = s.path("impact");
        line(out, "node", s.path("node").asText() + " (perfopt " + s.path("version").asText() + ") at "
                + Cells.time(s.get("time")));
        line(out, "cycles", s.path("cycles").asLong() + (s.path("lastCycleAt").isNull() ? ", none yet"
                : ", the last at " + Cells.time(s.get("lastCycleAt"))));
        line(out, "control", s.path("control").asText());
        line(out, "autonomy", Cells.percentOfShare(s.get("autonomyLevel")) + ": risk up to "
                + Cells.decimal(s.get("maxUnattendedRisk"), 2) + " runs without approval");
        line(out, "agents", agents.path("total").asLong() + ": " + agents.path("fresh").asLong() + " fresh, "
                + agents.path("stale").asLong() + " stale, " + agents.path("neverSeen").asLong() + " never seen, "
                + agents.path("failing").asLong() + " failing");
        line(out, "system score", s.path("systemScore").isNumber() ? Cells.decimal(s.get("systemScore"), 3)
                : "- (no cycle with fresh metrics yet)");
        line(out, "in flight", ids(s.path("changesInFlight"), "change"));
        line(out, "approvals", ids(s.path("approvalsWaiting"), "strategy waiting", "strategies waiting"));
        if (impact.isObject()) {
            line(out, "impact", impact.path("total").asLong() + " judged, " + impact.path("successful").asLong()
                    + " kept (" + Cells.percentOfShare(impact.get("successRate")) + "), kept changes improved "
                    + Cells.signedPercent(impact.get("overallImprovement")) + " on average");
        }
    }

    private static String ids(JsonNode list, String one) {
        return ids(list, one, one + "s");
    }

    private static String ids(JsonNode list, String one, String many) {
        int n = list.size();
        if (n == 0) {
            return "none";
        }
        return n + " " + (n == 1 ? one : many) + ": " + Cells.list(list);
    }

    private static void line(PrintWriter out, String key, String value) {
        out.println(String.format(Locale.ROOT, "%-13s %s", key, value));
    }
}

package io.perfopt.integration.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.integration.cli.client.ApiClient;
import io.perfopt.integration.cli.client.ClientException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code perfopt optimizations}: verdicts, newest first ({@code GET /api/optimizations}). */
@Command(name = "optimizations",
        description = "Lists optimization results, newest first: verdict, measured improvement, p-value, what was done.")
final class OptimizationsCommand extends ClientCommand {

    @Option(names = "--agent", paramLabel = "ID", description = "only this agent's")
    String agent;

    @Option(names = "--verdict", paramLabel = "V",
            description = "only this verdict: improved, no_effect, inconclusive, degraded, failed, awaiting_approval, rejected")
    String verdict;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "at most this many, 1..1000 (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    ApiClient.Answer ask(ApiClient api) throws ClientException {
        if (limit < 1 || limit > 1000) {
            throw usage("--limit must be within 1..1000, got " + limit);
        }
        List<String> query = new ArrayList<>();
        if (agent != null) {
            query.add("agent=" + encode(agent));
        }
        if (verdict != null) {
            String v = verdict.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            if (Arrays.stream(Verdict.values()).noneMatch(known -> known.name().equals(v))) {
                throw usage("unknown verdict " + verdict + "; use one of " + Arrays.stream(Verdict.values())
                        .map(known -> known.name().toLowerCase(Locale.ROOT)).toList());
            }
            query.add("verdict=" + v);
        }
        query.add("limit=" + limit);
        return api.get("/api/optimizations?" + String.join("&", query));
    }

    @Override
    void show(JsonNode results, PrintWriter out) {
        if (results.isEmpty()) {
            out.println("no optimization results" + (agent != null || verdict != null ? " match" : " yet"));
            return;
        }
        Table table = new Table("TIME", "AGENT", "PLUGIN", "VERDICT", "IMPROVEMENT", "P-VALUE", "CHANGE")
                .right("IMPROVEMENT", "P-VALUE");
        for (JsonNode r : results) {
            JsonNode strategy = r.path("strategy");
            boolean measured = r.path("pValue").isNumber();
            table.row(Cells.time(r.get("timestamp")), Cells.text(strategy.get("target")),
                    Cells.text(strategy.get("pluginId")), Cells.lower(r.get("verdict")),
                    measured ? Cells.signedPercent(r.get("actualImprovement")) : null,
                    Cells.decimal(r.get("pValue"), 4), changes(strategy));
        }
        table.print(out);
    }

    private static String changes(JsonNode strategy) {
        String actions = Cells.list(strategy.path("actions"));
        return actions != null ? actions : Cells.text(strategy.get("description"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package io.perfopt.integration.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.api.knob.KnobChange;
import io.perfopt.engine.autonomy.ApprovalQueue;
import io.perfopt.engine.command.Command;
import io.perfopt.engine.command.CommandResult;
import io.perfopt.engine.cycle.OptimizationLoop;
import io.perfopt.engine.plan.StrategyFactory;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.perfopt.integration.persist.AuditLog;
import io.perfopt.integration.persist.CommandAudit;
import org.apache.camel.Exchange;

/**
 * {@code POST /api/commands} and {@code GET /api/approvals}: the orchestrator steers perfopt.
 * Every command, carried out, refused or malformed, is audited.
 */
public final class CommandsApi {

    private final OptimizationLoop loop;
    private final AuditLog audit;
    private final Clock clock;
    private final String nodeId;

    /** @param audit where every command is recorded, with its caller (never the token) and outcome */
    public CommandsApi(OptimizationLoop loop, AuditLog audit, Clock clock, String nodeId) {
        this.loop = loop;
        this.audit = audit;
        this.clock = clock;
        this.nodeId = nodeId;
    }

    /** {@code POST /api/commands}. */
    public String execute(Exchange exchange) {
        String body = exchange.getIn().getBody(String.class);
        String caller = String.valueOf(exchange.getIn().getHeader("CamelVertxPlatformHttpRemoteAddress",
                exchange.getIn().getHeader("X-Forwarded-For", "unknown", String.class), String.class));
        Command command;
        try {
            JsonNode json = Json.mapper().readTree(body == null ? "" : body);
            command = CommandParser.parse(json);
        } catch (JacksonException e) {
            record(caller, "(malformed)", body, false, "malformed JSON: " + e.getOriginalMessage());
            throw HttpProblem.badRequest("malformed JSON: " + e.getOriginalMessage());
        } catch (HttpProblem e) {
            record(caller, "(malformed)", body, false, e.getMessage());
            throw e;
        }
        CommandResult result = loop.commands().handle(command);
        record(caller, command.name(), body, result.accepted(), result.message());
        if (!result.accepted()) {
            throw new HttpProblem(409, result.message());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", true);
        answer.put("command", command.name());
        answer.put("message", result.message());
        return Json.write(answer);
    }

    /** {@code GET /api/approvals}: strategies waiting for the orchestrator, oldest first. */
    public String approvals() {
        double maxRisk = loop.status().maxUnattendedRisk();
        List<Map<String, Object>> waiting = loop.approvals().stream().map(w -> view(w, maxRisk)).toList();
        return Json.write(waiting);
    }

    private static Map<String, Object> view(ApprovalQueue.Waiting waiting, double maxRisk) {
        var s = waiting.candidate().strategy();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", s.id());
        view.put("agentId", s.target());
        view.put("pluginId", s.pluginId());
        view.put("description", s.description());
        view.put("actions", s.changes().stream()
                .map((KnobChange c) -> StrategyFactory.describe(c, waiting.candidate().knobs())).toList());
        view.put("bottleneck", s.bottleneck().description());
        view.put("priority", s.priority());
        view.put("expectedImprovement", s.expectedImprovement());
        view.put("risk", s.risk());
        view.put("maxUnattendedRisk", maxRisk);
        view.put("since", waiting.since());
        view.put("approved", waiting.approved());
        return view;
    }

    private void record(String caller, String command, String body, boolean accepted, String message) {
        audit.record(new CommandAudit(clock.instant(), nodeId, caller, command, argumentsJson(body), accepted,
                message));
    }

    /** The body as the audit's JSON document; a malformed or oversized one is kept as text inside one. */
    private static String argumentsJson(String body) {
        if (body == null || body.isBlank()) {
            return "{}";
        }
        if (body.length() <= MAX_AUDITED) {
            try {
                Json.mapper().readTree(body);
                return body;
            } catch (JacksonException e) {
                // not JSON: recorded as text below
            }
        }
        return Json.write(Map.of("unparsed", body.length() > MAX_AUDITED ? body.substring(0, MAX_AUDITED) : body));
    }

    private static final int MAX_AUDITED = 2000;
}

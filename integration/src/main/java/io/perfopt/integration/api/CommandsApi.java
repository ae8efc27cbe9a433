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
import java.util.function.Consumer;
import org.apache.camel.Exchange;

/**
 * {@code POST /api/commands} and {@code GET /api/approvals}: the orchestrator steers perfopt.
 * Every command, carried out, refused or malformed, is audited.
 */
public final class CommandsApi {

    private final OptimizationLoop loop;
    private final Consumer<CommandAuditEntry> audit;
    private final Clock clock;

    /** @param audit where every command is recorded (the database, or the log) */
    public CommandsApi(OptimizationLoop loop, Consumer<CommandAuditEntry> audit, Clock clock) {
        this.loop = loop;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One audited command.
     *
     * @param time      when it arrived
     * @param caller    who sent it (remote address; the token is never recorded)
     * @param command   its name, or {@code (malformed)}
     * @param arguments its JSON as received (truncated)
     * @param accepted  whether it was carried out
     * @param message   what was done, or why not
     */
    public record CommandAuditEntry(java.time.Instant time, String caller, String command, String arguments,
                                    boolean accepted, String message) {
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
        String arguments = body == null ? "" : body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
        audit.accept(new CommandAuditEntry(clock.instant(), caller, command, arguments, accepted, message));
    }
}

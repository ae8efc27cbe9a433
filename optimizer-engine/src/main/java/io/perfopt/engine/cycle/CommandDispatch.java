package io.perfopt.engine.cycle;

import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.optimization.OptimizationResult;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.engine.autonomy.ApprovalQueue;
import io.perfopt.engine.command.Command;
import io.perfopt.engine.command.CommandResult;
import io.perfopt.engine.command.ControlState;
import io.perfopt.engine.report.Explainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries out orchestrator {@link Command}s on a loop; every command is logged with its outcome. */
public final class CommandDispatch {

    private static final Logger log = LoggerFactory.getLogger(CommandDispatch.class);

    private final OptimizationLoop loop;

    CommandDispatch(OptimizationLoop loop) {
        this.loop = loop;
    }

    public CommandResult handle(Command command) {
        CommandResult result = dispatch(command);
        log.info("command {}: {} — {}", command.name(), result.accepted() ? "done" : "refused", result.message());
        return result;
    }

    private CommandResult dispatch(Command command) {
        ControlState control = loop.control();
        if (command instanceof Command.OptimizeNow c) {
            if (c.agentId() != null && !loop.directory().owns(c.agentId())) {
                return CommandResult.refused("agent " + c.agentId() + " is not optimized by this node");
            }
            CycleReport report = c.agentId() == null ? loop.runCycle() : loop.runCycleFor(c.agentId());
            return CommandResult.ok("cycle " + report.cycle() + " ran: " + report.bottlenecks().size()
                    + " bottlenecks, " + report.applied().size() + " changes applied, " + report.results().size()
                    + " verdicts");
        }
        if (command instanceof Command.FocusAgent c) {
            if (loop.directory().find(c.agentId()).isEmpty()) {
                return CommandResult.refused("unknown agent " + c.agentId());
            }
            control.focus(c.agentId(), loop.cycleNumber() + c.cycles());
            return CommandResult.ok("focusing on " + c.agentId() + " for " + c.cycles() + " cycles");
        }
        if (command instanceof Command.ClearFocus) {
            control.clearFocus();
            return CommandResult.ok("focus cleared");
        }
        if (command instanceof Command.Aggressiveness c) {
            return control.shiftAggressiveness(c.up())
                    ? CommandResult.ok("aggressiveness now " + control.aggressiveness())
                    : CommandResult.refused("aggressiveness already at its " + (c.up() ? "highest" : "lowest")
                    + " (" + control.aggressiveness() + ")");
        }
        if (command instanceof Command.ReduceResources c) {
            if (c.agentId() != null && loop.directory().find(c.agentId()).isEmpty()) {
                return CommandResult.refused("unknown agent " + c.agentId());
            }
            control.reduceResources(c.agentId(), loop.cycleNumber() + c.cycles());
            return CommandResult.ok("reducing resources on " + (c.agentId() == null ? "every agent" : c.agentId())
                    + " for " + c.cycles() + " cycles, while every threshold holds");
        }
        if (command instanceof Command.Pause) {
            control.paused(true);
            return CommandResult.ok("paused: changes in flight are still judged, no new ones start");
        }
        if (command instanceof Command.Resume) {
            control.paused(false);
            return CommandResult.ok("resumed");
        }
        if (command instanceof Command.Approve c) {
            return loop.approvalQueue().approve(c.strategyId())
                    .map(w -> CommandResult.ok("approved " + w.id() + "; it runs when " + w.agentId()
                            + " is next free"))
                    .orElse(CommandResult.refused("no strategy " + c.strategyId() + " waits for approval"));
        }
        if (command instanceof Command.Reject c) {
            return loop.approvalQueue().remove(c.strategyId()).map(w -> reject(w, c.reason()))
                    .orElse(CommandResult.refused("no strategy " + c.strategyId() + " waits for approval"));
        }
        return CommandResult.refused("unknown command " + command.name());
    }

    private CommandResult reject(ApprovalQueue.Waiting waiting, String reason) {
        var strategy = waiting.candidate().strategy();
        OptimizationResult result = ResultFactory.unapplied(strategy, Verdict.REJECTED,
                "rejected " + Explainer.changes(strategy) + ": " + reason, loop.clock().instant());
        loop.recordOutOfCycle(result);
        return CommandResult.ok("rejected " + waiting.id() + ": " + reason);
    }
}

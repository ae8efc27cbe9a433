package io.perfopt.engine.command;

import io.perfopt.api.Require;

/**
 * What the orchestrator can tell perfopt to do. The integration parses these from
 * {@code POST /api/commands}; the engine carries them out.
 */
public sealed interface Command {

    /** The wire name, e.g. {@code focus-agent}. */
    String name();

    /** Run a cycle now, for every owned agent or for one. */
    record OptimizeNow(String agentId) implements Command {
        public String name() {
            return "optimize-now";
        }
    }

    /** Plan changes only for this agent for the next cycles (others are still judged and reported). */
    record FocusAgent(String agentId, int cycles) implements Command {
        public FocusAgent {
            Require.notBlank("agentId", agentId);
            if (cycles < 1) {
                throw new IllegalArgumentException("focus cycles must be >= 1, got " + cycles);
            }
        }

        public String name() {
            return "focus-agent";
        }
    }

    /** End a focus. */
    record ClearFocus() implements Command {
        public String name() {
            return "clear-focus";
        }
    }

    /** Bolder (larger steps, more risk unattended) or gentler. */
    record Aggressiveness(boolean up) implements Command {
        public String name() {
            return up ? "aggressiveness-up" : "aggressiveness-down";
        }
    }

    /** Give back resources (cache, workers) where every threshold holds, on one agent or all, for some cycles. */
    record ReduceResources(String agentId, int cycles) implements Command {
        public ReduceResources {
            if (cycles < 1) {
                throw new IllegalArgumentException("reduce-resources cycles must be >= 1, got " + cycles);
            }
        }

        public String name() {
            return "reduce-resources";
        }
    }

    /** Stop applying new changes; changes in flight are still judged and rolled back. */
    record Pause() implements Command {
        public String name() {
            return "pause";
        }
    }

    /** Apply changes again. */
    record Resume() implements Command {
        public String name() {
            return "resume";
        }
    }

    /** Approve a strategy waiting in the approval queue. */
    record Approve(String strategyId) implements Command {
        public Approve {
            Require.notBlank("strategyId", strategyId);
        }

        public String name() {
            return "approve";
        }
    }

    /** Reject a strategy waiting in the approval queue. */
    record Reject(String strategyId, String reason) implements Command {
        public Reject {
            Require.notBlank("strategyId", strategyId);
            reason = reason == null || reason.isBlank() ? "rejected by the orchestrator" : reason;
        }

        public String name() {
            return "reject";
        }
    }
}

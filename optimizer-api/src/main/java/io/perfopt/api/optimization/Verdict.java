package io.perfopt.api.optimization;

/** The outcome of a strategy. Only {@link #IMPROVED} keeps the change. */
public enum Verdict {
    /** The target metric improved significantly and beyond the tolerance band, guardrails held: kept. */
    IMPROVED,
    /** No significant effect beyond the tolerance band: rolled back unless configured to keep. */
    NO_EFFECT,
    /** Too few or missing samples to judge: rolled back, never counted as a pass. */
    INCONCLUSIVE,
    /** The target or a guardrail metric got worse: rolled back. */
    DEGRADED,
    /** The change could not be applied (actuator error); the old value was restored. */
    FAILED,
    /** Too risky for the current autonomy level: waits for the orchestrator's approval. */
    AWAITING_APPROVAL,
    /** The orchestrator rejected it; nothing was changed. */
    REJECTED;

    /** Whether the change stays applied after this verdict. */
    public boolean kept() {
        return this == IMPROVED;
    }

    /**
     * Whether the verdict judged the change on enough evidence to teach anything: improved, no
     * effect or degraded. Inconclusive and failed trials say nothing about the action itself.
     */
    public boolean judged() {
        return this == IMPROVED || this == NO_EFFECT || this == DEGRADED;
    }

    /** Whether the change was attempted on the agent: every verdict but approval and rejection. */
    public boolean executed() {
        return this != AWAITING_APPROVAL && this != REJECTED;
    }
}

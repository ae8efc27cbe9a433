package io.perfopt.engine.execute;

/** Where an open change stands in the journal. */
public enum JournalState {
    /** Recorded, about to be applied: after a crash it is unknown whether the agent got it. */
    PENDING,
    /** Applied and being observed; awaiting its verdict. */
    APPLIED,
    /** Judged for rollback, but the rollback has not reached the agent yet. */
    ROLLBACK_PENDING
}

package io.perfopt.integration.persist;

/**
 * Where every command perfopt receives is recorded, accepted or not: who asked for what, when,
 * with which arguments, and what perfopt answered. Recording never throws: a command is not
 * refused because its audit row could not be written yet (the row is kept and retried).
 */
public interface AuditLog {

    void record(CommandAudit entry);
}

package io.perfopt.engine.execute;

/**
 * What applying a strategy came to: an open journal entry to observe, or a failure with the
 * old values restored.
 *
 * @param entry   the journal entry of the applied change; null on failure
 * @param failure why the change could not be applied; null on success
 */
public record ApplyOutcome(JournalEntry entry, String failure) {

    public static ApplyOutcome applied(JournalEntry entry) {
        return new ApplyOutcome(entry, null);
    }

    public static ApplyOutcome failed(String failure) {
        return new ApplyOutcome(null, failure);
    }

    public boolean succeeded() {
        return entry != null;
    }
}

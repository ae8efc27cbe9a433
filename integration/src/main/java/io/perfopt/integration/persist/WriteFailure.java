package io.perfopt.integration.persist;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a write that will never succeed from one worth retrying. Only what the database calls
 * a data or integrity problem (SQLState classes 22 and 23: a value too long, a constraint
 * broken) is hopeless for that item; everything else (connection lost, disk full, timeout,
 * anything unknown) is retried, since dropping a report on a guess would lose it.
 */
final class WriteFailure {

    private static final Set<String> HOPELESS_CLASSES = Set.of("22", "23");

    private WriteFailure() {
    }

    /** Whether retrying the write of the same item cannot help. */
    static boolean permanent(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    String state = e.getSQLState();
                    if (state != null && state.length() >= 2 && HOPELESS_CLASSES.contains(state.substring(0, 2))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The cause worth showing: the innermost message, with its class when short. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().strip().replaceAll("\\s+", " ");
        if (message.length() > 500) {
            message = message.substring(0, 500) + "...";
        }
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}

package io.perfopt.integration.persist;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;
import org.h2.api.ErrorCode;

/**
 * Tells HikariCP which failures mean the connection itself is dead, so that the pool drops it
 * instead of lending it again. HikariCP recognises the SQL standard's connection errors
 * (SQLState 08xxx), which PostgreSQL reports; H2 reports a lost server or a closed database with
 * codes of its own, and a pool that kept such a connection would fail every write after the
 * database came back.
 */
public final class DeadConnections implements SQLExceptionOverride {

    private static final Set<Integer> H2_DEAD = Set.of(ErrorCode.CONNECTION_BROKEN_1,
            ErrorCode.DATABASE_CALLED_AT_SHUTDOWN, ErrorCode.DATABASE_IS_CLOSED);

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return H2_DEAD.contains(e.getErrorCode()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}

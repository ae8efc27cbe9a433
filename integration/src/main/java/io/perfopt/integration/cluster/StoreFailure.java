package io.perfopt.integration.cluster;

import java.sql.SQLException;

/** A map store could not read or write its table; the message names the table, the key and the database's reason. */
public final class StoreFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StoreFailure(String what, SQLException cause) {
        super(what + ": " + cause.getMessage(), cause);
    }
}

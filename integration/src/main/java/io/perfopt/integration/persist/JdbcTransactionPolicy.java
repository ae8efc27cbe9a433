package io.perfopt.integration.persist;

import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.TransactedPolicy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a route's {@code transacted} step means here: the steps after it run in one JDBC
 * transaction, committed when they complete and rolled back when any of them fails.
 *
 * <p>Spring's transaction manager binds a connection to the routing thread; camel-sql's
 * {@code JdbcTemplate} joins it, so every {@code sql:} step of the block writes over that one
 * connection. This works because those steps run synchronously on the calling thread (direct
 * endpoints and camel-sql producers do). camel-spring offers the same policy, together with a
 * Spring container perfopt does not need.
 */
final class JdbcTransactionPolicy implements TransactedPolicy {

    private final TransactionTemplate transactions;

    JdbcTransactionPolicy(PlatformTransactionManager manager) {
        this.transactions = new TransactionTemplate(manager);
    }

    @Override
    public void beforeWrap(Route route, NamedNode definition) {
        // nothing to prepare
    }

    @Override
    public Processor wrap(Route route, Processor processor) {
        return exchange -> transactions.executeWithoutResult(status -> {
            exchange.getExchangeExtension().setTransacted(true);
            try {
                processor.process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null || exchange.isRollbackOnly()) {
                status.setRollbackOnly();
            }
        });
    }
}

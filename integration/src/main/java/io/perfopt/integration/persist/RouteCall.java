package io.perfopt.integration.persist;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Calls a route synchronously and surfaces its failure as an exception, so that a writer knows
 * whether its rows were stored. Attached once Camel runs: writers exist before Camel starts
 * (the loop needs its sinks when it is built), and a call before that fails like a database
 * that is not reachable yet, which the writers already handle.
 */
public final class RouteCall {

    private volatile ProducerTemplate producer;

    /** Starts calling routes of this context. */
    public void attach(CamelContext camel) {
        producer = camel.createProducerTemplate();
    }

    /** Stops calling routes; later calls fail. */
    public void detach() {
        ProducerTemplate p = producer;
        producer = null;
        if (p != null) {
            try {
                p.close();
            } catch (java.io.IOException e) {
                // closing a producer template releases caches only; nothing to report
            }
        }
    }

    /** Sends {@code body} to {@code endpoint} and returns the route's answer; throws what the route threw. */
    public Object request(String endpoint, Object body) throws Exception {
        ProducerTemplate p = producer;
        if (p == null) {
            throw new IllegalStateException("the routes are not running (Camel is not started or already stopped)");
        }
        Exchange exchange = p.send(endpoint, e -> e.getIn().setBody(body));
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        return exchange.getMessage().getBody();
    }
}

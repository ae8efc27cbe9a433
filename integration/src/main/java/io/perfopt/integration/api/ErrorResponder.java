package io.perfopt.integration.api;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the exception an API route caught into a JSON error answer: the {@link HttpProblem}'s
 * status and reason, 400 for a malformed request, 500 (logged with its stack trace) for
 * anything unexpected.
 */
public final class ErrorResponder implements Processor {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponder.class);

    @Override
    public void process(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int status;
        String message;
        if (error instanceof HttpProblem problem) {
            status = problem.status();
            message = problem.getMessage();
        } else if (error instanceof IllegalArgumentException) {
            status = 400;
            message = error.getMessage();
        } else {
            status = 500;
            message = "internal error: " + error;
            log.error("API request {} {} failed", exchange.getIn().getHeader(Exchange.HTTP_METHOD),
                    exchange.getIn().getHeader(Exchange.HTTP_URI), error);
        }
        if (status != 500) {
            log.debug("API request {} {} refused with {}: {}", exchange.getIn().getHeader(Exchange.HTTP_METHOD),
                    exchange.getIn().getHeader(Exchange.HTTP_URI), status, message);
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(Json.write(Map.of("error", message == null ? "" : message)));
    }
}

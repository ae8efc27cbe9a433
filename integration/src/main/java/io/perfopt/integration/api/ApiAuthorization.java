package io.perfopt.integration.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Guards the API with the bearer token from configuration. Without a token the API is bound to
 * loopback only (the application says so at start) and every local caller is let in.
 */
public final class ApiAuthorization implements Processor {

    private final byte[] token;

    /** @param token the expected bearer token; null or blank for none */
    public ApiAuthorization(String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether a token is configured. */
    public boolean enabled() {
        return token != null;
    }

    @Override
    public void process(Exchange exchange) {
        if (token == null) {
            return;
        }
        String header = exchange.getIn().getHeader("Authorization", String.class);
        if (header == null || !header.startsWith("Bearer ")) {
            throw new HttpProblem(401, "missing bearer token: send Authorization: Bearer <perfopt.api.token>");
        }
        byte[] offered = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        // constant-time comparison: the time taken must not reveal how much of the token matched
        if (!MessageDigest.isEqual(offered, token)) {
            throw new HttpProblem(401, "invalid bearer token");
        }
    }
}

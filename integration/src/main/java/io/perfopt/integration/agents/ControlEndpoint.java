package io.perfopt.integration.agents;

import io.perfopt.api.Require;
import java.net.URI;
import java.time.Duration;

/**
 * Where and how perfopt changes an agent's knobs: {@code GET {url}/knobs} and
 * {@code PUT {url}/knobs/{name}}, with {@code Authorization: Bearer <token>} when a token is
 * configured. {@link #toString()} never shows the token, so a logged configuration leaks nothing.
 *
 * @param url     the control base URL, http(s), without query; a trailing slash is dropped
 * @param token   the bearer token, or null when the agent wants none
 * @param timeout connect and request timeout of each call, &gt; 0
 */
public record ControlEndpoint(URI url, String token, Duration timeout) {

    /** The timeout of agents that declare none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    public ControlEndpoint {
        Require.notNull("control url", url);
        HttpUrl.check(url);
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("control url \"" + url + "\" must not carry a query or fragment, "
                    + "since /knobs is appended to it");
        }
        String text = url.toString();
        url = text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
        if (token != null && token.isBlank()) {
            token = null;
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        requirePositive("control timeout", timeout);
    }

    /** An endpoint without token and with the default timeout. */
    public static ControlEndpoint of(URI url) {
        return new ControlEndpoint(url, null, DEFAULT_TIMEOUT);
    }

    /** Whether calls carry a bearer token. */
    public boolean hasToken() {
        return token != null;
    }

    @Override
    public String toString() {
        return "ControlEndpoint[url=" + url + ", token=" + (token == null ? "none" : "****")
                + ", timeout=" + DurationText.format(timeout) + "]";
    }

    static void requirePositive(String field, Duration value) {
        Require.notNull(field, value);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(field + " must be > 0, got " + value);
        }
    }
}

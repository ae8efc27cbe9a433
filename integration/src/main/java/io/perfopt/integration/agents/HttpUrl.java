package io.perfopt.integration.agents;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Checks for the http(s) URLs of agents. {@link URI} alone accepts {@code htp:/x} as a
 * relative-looking URI; perfopt needs an absolute http or https URL with a host, and says so
 * when it gets something else.
 */
public final class HttpUrl {

    private HttpUrl() {
    }

    /** The URL written as {@code text}, or an exception whose message quotes it. */
    public static URI parse(String text) {
        URI uri;
        try {
            uri = new URI(text == null ? "" : text.trim());
        } catch (URISyntaxException e) {
            throw invalid(text, e);
        }
        return check(uri, text);
    }

    /** {@code uri} when it is an absolute http(s) URL with a host. */
    public static URI check(URI uri) {
        return check(uri, String.valueOf(uri));
    }

    private static URI check(URI uri, String text) {
        String scheme = uri.getScheme();
        boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
        if (!http || uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid(text, null);
        }
        return uri;
    }

    private static IllegalArgumentException invalid(String text, Exception cause) {
        return new IllegalArgumentException("not a valid http(s) URL \"" + text + "\"", cause);
    }
}

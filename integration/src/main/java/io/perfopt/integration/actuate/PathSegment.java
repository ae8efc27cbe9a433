package io.perfopt.integration.actuate;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes a URL path segment (RFC 3986). {@code URLEncoder} encodes HTML form fields
 * instead and would turn a space into {@code +}, which a path does not decode.
 */
final class PathSegment {

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private PathSegment() {
    }

    static String encode(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 0 && UNRESERVED.indexOf(b) >= 0) {
                out.append((char) b);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }
}

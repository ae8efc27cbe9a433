package io.perfopt.integration.collect;

import io.perfopt.integration.ingest.MetricsParseException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

/** Short, countable names for why a collection failed, e.g. {@code timeout} or {@code http-500}. */
final class FailureKind {

    private FailureKind() {
    }

    static String of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof MetricsParseException e) {
                return ofParse(e);
            }
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return "timeout";
            }
            if (t instanceof ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException) {
                return "unreachable";
            }
        }
        return "error";
    }

    static String ofParse(MetricsParseException e) {
        String reason = e.reason().toLowerCase(Locale.ROOT);
        if (e.getCause() != null && e.getCause().getClass().getSimpleName().equals("LimitExceeded")) {
            return "too-large";
        }
        if (reason.startsWith("malformed json") || reason.contains("expected a json")) {
            return "malformed";
        }
        if (reason.contains("names agent")) {
            return "wrong-agent";
        }
        return "invalid-document";
    }

    static String ofStatus(int status) {
        return "http-" + status;
    }
}

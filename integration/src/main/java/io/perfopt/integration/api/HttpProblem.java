package io.perfopt.integration.api;

/**
 * A request perfopt refuses, with the HTTP status to answer and a reason for the caller. The
 * API's error handler turns it into {@code {"error": "..."}} with that status.
 */
public final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /** A bad request (400); the constructor the routes' {@code throwException} uses. */
    public HttpProblem(String message) {
        this(400, message);
    }

    public HttpProblem(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static HttpProblem badRequest(String message) {
        return new HttpProblem(400, message);
    }

    public static HttpProblem notFound(String message) {
        return new HttpProblem(404, message);
    }

    public int status() {
        return status;
    }
}

package io.perfopt.integration.observe;

import io.perfopt.integration.api.ApiAuthorization;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Who may read {@code /metrics} and {@code /health} ({@code perfopt.observe.access}):
 *
 * <ul>
 *   <li>{@code local} (default): open to callers on this machine (loopback, no proxy header),
 *       the API token for everyone else. A local Prometheus or probe needs no secret; a remote
 *       one sends {@code Authorization: Bearer <perfopt.api.token>}.</li>
 *   <li>{@code open}: open to everyone (a scraper or kubelet that cannot send a token).</li>
 *   <li>{@code token}: the API token always, like {@code /api}.</li>
 * </ul>
 *
 * Without a configured token the API listens on loopback only, so every mode is open there.
 */
public final class ObserveAccess implements Processor {

    /** The modes of {@code perfopt.observe.access}. */
    public enum Mode { LOCAL, OPEN, TOKEN;

        /** Parses a setting value; the message names the setting and the allowed values. */
        public static Mode parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("perfopt.observe.access must be local, open or token, got \""
                        + text + "\"");
            }
        }
    }

    private static final String REMOTE_ADDRESS = "CamelVertxPlatformHttpRemoteAddress";

    private final Mode mode;
    private final ApiAuthorization authorization;

    public ObserveAccess(Mode mode, ApiAuthorization authorization) {
        this.mode = mode;
        this.authorization = authorization;
    }

    @Override
    public void process(Exchange exchange) {
        if (mode == Mode.OPEN || (mode == Mode.LOCAL && local(exchange))) {
            return;
        }
        authorization.process(exchange);
    }

    private static boolean local(Exchange exchange) {
        var in = exchange.getIn();
        // behind a reverse proxy on this machine every caller looks local: trust no forwarded request
        if (in.getHeader("X-Forwarded-For") != null || in.getHeader("Forwarded") != null) {
            return false;
        }
        Object remote = in.getHeader(REMOTE_ADDRESS);
        if (remote instanceof io.vertx.core.net.SocketAddress address) {
            return loopback(address.hostAddress());
        }
        return false;
    }

    private static boolean loopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            // a literal address: no lookup happens
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

package io.perfopt.integration.report;

import io.perfopt.integration.agents.HttpUrl;
import io.perfopt.integration.app.PerfoptSettings;
import java.net.URI;
import java.time.Duration;

/**
 * Where cycle reports are delivered and how patiently ({@code perfopt.orchestrator.*}).
 *
 * @param url            where each report is POSTed; null: no delivery, no outbox
 * @param token          bearer token sent with each report; empty for none
 * @param pollInterval   how often the outbox is checked for reports to deliver
 * @param backoffInitial the wait after a first failed delivery; it doubles with each failure
 * @param backoffMax     the longest wait between attempts
 * @param connectTimeout how long to wait for a connection
 * @param timeout        how long to wait for the orchestrator's answer
 * @param batch          reports read from the outbox per round
 */
public record OrchestratorSettings(URI url, String token, Duration pollInterval, Duration backoffInitial,
                                   Duration backoffMax, Duration connectTimeout, Duration timeout, int batch) {

    public OrchestratorSettings {
        if (url != null) {
            HttpUrl.check(url);
        }
        token = token == null ? "" : token.trim();
        positive("perfopt.orchestrator.poll-interval", pollInterval);
        positive("perfopt.orchestrator.backoff.initial", backoffInitial);
        positive("perfopt.orchestrator.backoff.max", backoffMax);
        positive("perfopt.orchestrator.connect-timeout", connectTimeout);
        positive("perfopt.orchestrator.timeout", timeout);
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("perfopt.orchestrator.backoff.max (" + backoffMax.toMillis()
                    + "ms) must not be shorter than perfopt.orchestrator.backoff.initial (" + backoffInitial.toMillis()
                    + "ms)");
        }
        if (batch < 1 || batch > 10_000) {
            throw new IllegalArgumentException("perfopt.orchestrator.batch must be within 1..10000, got " + batch);
        }
    }

    /** The {@code perfopt.orchestrator.*} settings. */
    public static OrchestratorSettings from(PerfoptSettings settings) {
        String url = settings.text("perfopt.orchestrator.url", "");
        return new OrchestratorSettings(url.isEmpty() ? null : HttpUrl.parse(url),
                settings.text("perfopt.orchestrator.token", ""), settings.duration("perfopt.orchestrator.poll-interval"),
                settings.duration("perfopt.orchestrator.backoff.initial"),
                settings.duration("perfopt.orchestrator.backoff.max"),
                settings.duration("perfopt.orchestrator.connect-timeout"),
                settings.duration("perfopt.orchestrator.timeout"), settings.integer("perfopt.orchestrator.batch"));
    }

    /** Whether reports are delivered at all. */
    public boolean enabled() {
        return url != null;
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(key + " must be longer than 0, got " + value);
        }
    }

    @Override
    public String toString() {
        return "OrchestratorSettings[url=" + url + ", token=" + (token.isEmpty() ? "none" : "****") + "]";
    }
}

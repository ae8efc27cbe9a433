package io.perfopt.integration.report;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * The HTTP client of the delivery route ({@code httpClientConfigurer=#orchestratorHttp}): no
 * retries of its own. Apache HttpClient would otherwise repeat a POST answered 503 a second
 * later, on its own; retries belong to the delivery route, which keeps the order of the reports
 * and backs off exponentially.
 */
public final class OrchestratorHttpClient implements HttpClientConfigurer {

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.disableAutomaticRetries();
        builder.disableRedirectHandling();
    }
}

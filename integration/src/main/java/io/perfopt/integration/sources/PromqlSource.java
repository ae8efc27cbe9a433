package io.perfopt.integration.sources;

import io.perfopt.api.metric.MetricsDocument;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.AgentRegistry;
import io.perfopt.integration.agents.DurationText;
import io.perfopt.integration.collect.CollectionHealth;
import io.perfopt.integration.collect.MetricsIngest;
import io.perfopt.integration.http.BoundedBodySubscriber;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;

/**
 * The {@code collect-promql} route's bean: sends each of a promql agent's queries to its
 * Prometheus server ({@code GET {url}/api/v1/query?query=...}, all at once, each within the
 * agent's timeout) and records the answers as one metrics document. A query whose answer is not
 * one number ({@link PromqlAnswer}) is refused alone and counted; a server that cannot be
 * reached at all is a collection failure of the agent.
 */
public final class PromqlSource {

    private final AgentRegistry registry;
    private final MetricsIngest ingest;
    private final CollectionHealth health;
    private final Clock clock;
    private final long maxBytes;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** @param maxBytes the largest answer read ({@code perfopt.collect.max-body-bytes}) */
    public PromqlSource(AgentRegistry registry, MetricsIngest ingest, CollectionHealth health, Clock clock,
                        long maxBytes) {
        this.registry = registry;
        this.ingest = ingest;
        this.health = health;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** The instant query URL of one PromQL expression on the server at {@code base}. */
    static URI queryUri(URI base, String promql) {
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /** Polls the agent named by the exchange property {@value MetricsIngest#AGENT}. */
    public void poll(Exchange exchange) {
        String agentId = exchange.getProperty(MetricsIngest.AGENT, String.class);
        AgentConfig agent = registry.find(agentId).orElse(null);
        if (agent == null) {
            return; // removed while its poll was on its way
        }
        Instant now = clock.instant();
        Answers answers = ask(agent);
        if (answers.values.isEmpty() && answers.refused.isEmpty() && answers.unanswered != null) {
            // not one query got an answer: the server is the problem, not a query
            health.failed(agentId, answers.unanswered.startsWith("timeout") ? "timeout" : "unreachable",
                    "agent " + agentId + ": " + answers.unanswered);
            return;
        }
        if (answers.unanswered != null) {
            answers.refused.add("agent " + agentId + ": some queries got no answer: " + answers.unanswered);
        }
        ingest.deliver(agentId, answers.values.isEmpty() ? List.of()
                : List.of(MetricsDocument.of(agentId, now, answers.values)), answers.refused);
    }

    /** What the server answered: a value per metric, refusals, and why some query got no answer at all. */
    private static final class Answers {
        final Map<String, Double> values = new LinkedHashMap<>();
        final List<String> refused = new ArrayList<>();
        String unanswered;
    }

    /** Sends every query of the agent at once and reads the answers within its timeout. */
    private Answers ask(AgentConfig agent) {
        Duration timeout = agent.metrics().timeout();
        Map<String, CompletableFuture<HttpResponse<byte[]>>> pending = new LinkedHashMap<>();
        agent.metrics().queries().forEach((metric, promql) -> pending.put(metric, client.sendAsync(
                HttpRequest.newBuilder(queryUri(agent.metrics().url(), promql)).timeout(timeout)
                        .header("Accept", "application/json").GET().build(),
                BoundedBodySubscriber.handler(maxBytes))));
        long deadline = System.nanoTime() + timeout.toNanos();
        Answers answers = new Answers();
        for (Map.Entry<String, CompletableFuture<HttpResponse<byte[]>>> query : pending.entrySet()) {
            String prefix = "agent " + agent.id() + ": metric " + query.getKey() + ": ";
            try {
                HttpResponse<byte[]> response = query.getValue().get(Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
                // Prometheus explains a bad query in the JSON of its 4xx answer: read it either way
                PromqlAnswer.Outcome outcome = PromqlAnswer.read(response.body());
                if (outcome instanceof PromqlAnswer.Value v) {
                    answers.values.put(query.getKey(), v.value());
                } else if (outcome instanceof PromqlAnswer.Refusal r) {
                    answers.refused.add(prefix + r.reason()
                            + (response.statusCode() / 100 == 2 ? "" : " (HTTP " + response.statusCode() + ")"));
                }
            } catch (TimeoutException e) {
                query.getValue().cancel(true);
                answers.unanswered = "timeout: no answer within " + DurationText.format(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pending.values().forEach(f -> f.cancel(true));
                answers.unanswered = "interrupted";
                return answers;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof BoundedBodySubscriber.TooLarge tooLarge) {
                    answers.refused.add(prefix + tooLarge.getMessage());
                } else {
                    answers.unanswered = describe(e.getCause(), agent.metrics().url());
                }
            }
        }
        return answers;
    }

    private static String describe(Throwable cause, URI server) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "cannot connect to the Prometheus server " + server + " (connection refused)";
            }
            if (t instanceof java.net.http.HttpTimeoutException) {
                return "timeout: the Prometheus server " + server + " did not answer in time";
            }
        }
        return "the query to " + server + " failed: " + cause;
    }
}

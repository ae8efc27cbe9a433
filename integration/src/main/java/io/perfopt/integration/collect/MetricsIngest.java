package io.perfopt.integration.collect;

import io.perfopt.api.metric.MetricSample;
import io.perfopt.api.metric.MetricsDocument;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.AgentRegistry;
import io.perfopt.integration.api.HttpProblem;
import io.perfopt.integration.api.Json;
import io.perfopt.integration.ingest.MetricsDocumentParser;
import io.perfopt.integration.ingest.MetricsParseException;
import io.perfopt.integration.ingest.ParsedBatch;
import io.perfopt.integration.ingest.ParsedDocument;
import io.perfopt.integration.ingest.PrometheusScrape;
import io.perfopt.integration.ingest.PrometheusScrapeConverter;
import io.perfopt.integration.ingest.PrometheusTextParser;
import io.perfopt.integration.ingest.ScrapeResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The collection routes' bean: turns what an agent answered (or pushed) into samples for the
 * windows, and every failure into a counted, logged problem of that agent. Nothing thrown here
 * stops a route: a poll that fails is recorded and the next poll runs as usual.
 */
public final class MetricsIngest {

    /** Exchange property naming the agent a poll is for. */
    public static final String AGENT = "perfoptAgentId";

    private final AgentRegistry registry;
    private final SampleSink sink;
    private final CollectionHealth health;
    private final MetricsDocumentParser parser;
    private final PrometheusTextParser prometheus = new PrometheusTextParser();
    private final PrometheusScrapeConverter converter;
    private final MetricsFetcher fetcher;

    /**
     * @param maxBytes      the largest document read from an agent
     * @param maxPushBytes  the largest pushed batch read
     */
    public MetricsIngest(AgentRegistry registry, SampleSink sink, CollectionHealth health, Clock clock,
                         long maxBytes, long maxPushBytes) {
        this.registry = registry;
        this.sink = sink;
        this.health = health;
        this.parser = new MetricsDocumentParser(clock, Math.max(maxBytes, maxPushBytes));
        this.converter = new PrometheusScrapeConverter(clock);
        this.fetcher = new MetricsFetcher(maxBytes);
    }

    /** Polls an agent's JSON metrics document (the agent is the exchange property {@value #AGENT}). */
    public void pollJson(Exchange exchange) {
        String agentId = exchange.getProperty(AGENT, String.class);
        byte[] body = fetch(agentId);
        if (body == null) {
            return;
        }
        try {
            ParsedDocument parsed = parser.parse(new ByteArrayInputStream(body), agentId);
            record(agentId, parsed.toSamples());
        } catch (MetricsParseException e) {
            health.failed(agentId, FailureKind.ofParse(e), e.getMessage());
        }
    }

    /** Scrapes an agent's Prometheus text exposition and records the mapped metrics. */
    public void pollPrometheus(Exchange exchange) {
        String agentId = exchange.getProperty(AGENT, String.class);
        byte[] body = fetch(agentId);
        if (body == null) {
            return;
        }
        PrometheusScrape scrape = prometheus.parse(new String(body, StandardCharsets.UTF_8));
        ScrapeResult result = converter.convert(agentId, registry.get(agentId).metrics().mapping(), scrape);
        List<String> rejected = new ArrayList<>(result.rejected());
        scrape.errors().forEach(e -> rejected.add("agent " + agentId + ": line " + e.line() + ": " + e.message()));
        result.document().ifPresentOrElse(doc -> {
            MetricsDocument.Conversion conversion = doc.toSamples();
            List<String> all = new ArrayList<>(rejected);
            all.addAll(conversion.rejected());
            record(agentId, new MetricsDocument.Conversion(conversion.accepted(), all));
        }, () -> health.delivered(agentId, 0, rejected));
    }

    /** The agent's answer, or null when there was none worth reading (the failure is recorded). */
    private byte[] fetch(String agentId) {
        var agent = registry.find(agentId);
        if (agent.isEmpty()) {
            return null; // removed while its poll was on its way
        }
        try {
            return fetcher.fetch(agent.get());
        } catch (MetricsFetcher.FetchFailure e) {
            health.failed(agentId, e.kind(), "agent " + agentId + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * Records the documents a source of the agent produced (a JDBC query's rows, PromQL
     * answers), with the values the source itself already refused: as for polled documents,
     * each bad value is refused alone and counted against the agent.
     */
    public void deliver(String agentId, List<MetricsDocument> documents, List<String> refused) {
        List<MetricSample> accepted = new ArrayList<>();
        List<String> rejected = new ArrayList<>(refused);
        for (MetricsDocument document : documents) {
            MetricsDocument.Conversion conversion = document.toSamples();
            accepted.addAll(conversion.accepted());
            rejected.addAll(conversion.rejected());
        }
        record(agentId, new MetricsDocument.Conversion(accepted, rejected));
    }

    /** Records why a poll produced no answer at all (unreachable, timeout, ...). */
    public void pollFailed(Exchange exchange) {
        String agentId = exchange.getProperty(AGENT, String.class);
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        health.failed(agentId, FailureKind.of(error), "agent " + agentId + ": " + describe(error));
    }

    /**
     * Takes a pushed batch ({@code POST /api/metrics}): an array of documents or one document.
     * Documents of unknown agents and invalid values are refused one by one; the answer says what
     * was accepted and what was not, and is 400 only when nothing at all was usable.
     */
    public String pushed(Exchange exchange) {
        ParsedBatch batch;
        try (InputStream body = body(exchange)) {
            batch = parser.parseBatch(body);
        } catch (MetricsParseException e) {
            throw HttpProblem.badRequest(e.getMessage());
        } catch (IOException e) {
            throw HttpProblem.badRequest("the body could not be read: " + e.getMessage());
        }
        Map<String, Integer> accepted = new LinkedHashMap<>();
        List<String> rejected = new ArrayList<>(batch.rejected());
        for (ParsedDocument doc : batch.documents()) {
            String agentId = doc.document().agentId();
            if (registry.find(agentId).isEmpty()) {
                rejected.add("agent " + agentId + " is not registered: declare it in conf/agents.yaml or POST /api/agents");
                continue;
            }
            MetricsDocument.Conversion conversion = doc.toSamples();
            record(agentId, conversion);
            accepted.merge(agentId, conversion.accepted().size(), Integer::sum);
            rejected.addAll(conversion.rejected());
        }
        if (accepted.isEmpty() && !rejected.isEmpty()) {
            throw HttpProblem.badRequest("nothing accepted: " + String.join("; ", rejected));
        }
        return Json.write(Map.of("accepted", accepted, "rejected", rejected));
    }

    private void record(String agentId, MetricsDocument.Conversion conversion) {
        List<MetricSample> samples = conversion.accepted();
        if (!samples.isEmpty()) {
            sink.accept(agentId, samples);
        }
        health.delivered(agentId, samples.size(), conversion.rejected());
    }

    private static InputStream body(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (body == null) {
            return new ByteArrayInputStream(new byte[0]);
        }
        if (body instanceof InputStream in) {
            return in;
        }
        byte[] bytes = exchange.getIn().getBody(byte[].class);
        return new ByteArrayInputStream(bytes == null ? new byte[0] : bytes);
    }

    private static String describe(Throwable error) {
        if (error == null) {
            return "unknown failure";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? error.toString() : error.getClass().getSimpleName() + ": " + root;
    }
}

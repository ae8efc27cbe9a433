package io.perfopt.integration.ingest;

import io.perfopt.api.Require;
import io.perfopt.api.metric.MetricsDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * A metrics document as read from the wire, with the values that were dropped while reading it
 * (a string or an object where a number belongs). {@link #toSamples()} adds them to the
 * rejections of {@link MetricsDocument#toSamples()}, so a route reports every dropped value in
 * one list.
 *
 * @param document the document, holding every metric that was a JSON number (NaN included)
 * @param rejected one message per value dropped while reading, naming the agent and metric
 */
public record ParsedDocument(MetricsDocument document, List<String> rejected) {

    public ParsedDocument {
        Require.notNull("document", document);
        rejected = List.copyOf(rejected);
    }

    /** The accepted samples, and the rejections of reading and of validation together. */
    public MetricsDocument.Conversion toSamples() {
        MetricsDocument.Conversion validated = document.toSamples();
        List<String> all = new ArrayList<>(rejected);
        all.addAll(validated.rejected());
        return new MetricsDocument.Conversion(validated.accepted(), List.copyOf(all));
    }
}

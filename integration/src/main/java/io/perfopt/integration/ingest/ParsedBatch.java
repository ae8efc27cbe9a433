package io.perfopt.integration.ingest;

import java.util.List;

/**
 * A pushed batch: the documents that could be read, and one message per document that could
 * not (each naming its position in the batch and, when known, its agent). One agent's broken
 * document never costs the others theirs.
 *
 * @param documents the readable documents, in batch order
 * @param rejected  one message per unreadable document
 */
public record ParsedBatch(List<ParsedDocument> documents, List<String> rejected) {

    public ParsedBatch {
        documents = List.copyOf(documents);
        rejected = List.copyOf(rejected);
    }
}

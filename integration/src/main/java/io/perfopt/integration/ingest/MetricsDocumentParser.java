package io.perfopt.integration.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.perfopt.api.Require;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON metrics documents of the agent protocol, polled or pushed (see
 * {@link io.perfopt.api.metric.MetricsDocument} for the format), one or a batch.
 *
 * <p>Bodies are read through a size limit (default 1 MiB) and refused once they pass it, without
 * being buffered whole. Whatever makes a document unusable throws {@link MetricsParseException};
 * a single bad value costs only itself. {@code NaN} and {@code Infinity} are read as numbers so
 * that validation rejects exactly that metric rather than the JSON parser the whole document.
 * Thread-safe.
 */
public final class MetricsDocumentParser {

    /** The default body limit: 1 MiB. */
    public static final long DEFAULT_MAX_BYTES = 1024 * 1024;

    private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final DocumentReader reader;
    private final long maxBytes;

    /** A parser with the default limit; {@code clock} dates documents that carry no timestamp. */
    public MetricsDocumentParser(Clock clock) {
        this(clock, DEFAULT_MAX_BYTES);
    }

    /** A parser refusing bodies larger than {@code maxBytes}. */
    public MetricsDocumentParser(Clock clock, long maxBytes) {
        this.reader = new DocumentReader(Require.notNull("clock", clock));
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be >= 1, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** The largest body accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** One document, from whichever agent it names. */
    public ParsedDocument parse(InputStream body) throws MetricsParseException {
        return reader.read(tree(body, null));
    }

    /**
     * One document polled from {@code expectedAgentId}; a document naming another agent is
     * refused, since storing it under either id would be wrong.
     */
    public ParsedDocument parse(InputStream body, String expectedAgentId) throws MetricsParseException {
        Require.notBlank("expectedAgentId", expectedAgentId);
        ParsedDocument parsed;
        try {
            parsed = reader.read(tree(body, expectedAgentId));
        } catch (MetricsParseException e) {
            throw e.agentId().isPresent() ? e : new MetricsParseException(expectedAgentId, e.reason(), e);
        }
        String actual = parsed.document().agentId();
        if (!actual.equals(expectedAgentId)) {
            throw new MetricsParseException(expectedAgentId, "the document names agent " + actual + " instead");
        }
        return parsed;
    }

    /** A pushed batch: a JSON array of documents, or a single document. */
    public ParsedBatch parseBatch(InputStream body) throws MetricsParseException {
        JsonNode root = tree(body, null);
        if (root.isObject()) {
            return new ParsedBatch(List.of(reader.read(root)), List.of());
        }
        if (!root.isArray()) {
            throw new MetricsParseException(null, "a batch must be a JSON array of documents or one document, got "
                    + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        List<ParsedDocument> documents = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            try {
                documents.add(reader.read(root.get(i)));
            } catch (MetricsParseException e) {
                rejected.add("document [" + i + "]: " + e.getMessage());
            }
        }
        return new ParsedBatch(documents, rejected);
    }

    private JsonNode tree(InputStream body, String agentId) throws MetricsParseException {
        Require.notNull("body", body);
        try (InputStream limited = new SizeLimitedInputStream(body, maxBytes)) {
            JsonNode root = mapper.readTree(limited);
            if (root == null || root.isMissingNode()) {
                throw new MetricsParseException(agentId, "the body is empty");
            }
            return root;
        } catch (SizeLimitedInputStream.LimitExceeded e) {
            throw new MetricsParseException(agentId, e.getMessage(), e);
        } catch (JacksonException e) {
            throw new MetricsParseException(agentId, "malformed JSON: " + e.getOriginalMessage()
                    + location(e), e);
        } catch (IOException e) {
            throw new MetricsParseException(agentId, "the body could not be read: " + e.getMessage(), e);
        }
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
}

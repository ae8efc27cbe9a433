package io.perfopt.integration.cluster;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.perfopt.engine.execute.JournalEntry;
import io.perfopt.integration.api.Json;
import java.io.IOException;
import java.time.Duration;

/**
 * A journal entry as JSON, the form it has in the cluster map and in {@code change_journal}:
 * plain text, so no member and no database needs a class to hold it, and a person can read it.
 * The API mapper writes durations as milliseconds; this one reads them back as such.
 */
public final class JournalCodec {

    private static final ObjectMapper MAPPER = Json.mapper().copy().registerModule(new SimpleModule("perfopt-millis")
            .addDeserializer(Duration.class, new MillisDeserializer()));

    private JournalCodec() {
    }

    public static String write(JournalEntry entry) {
        try {
            return MAPPER.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("journal entry " + entry.id() + " cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    public static JournalEntry read(String json) {
        try {
            return MAPPER.readValue(json, JournalEntry.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a journal entry cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    /** A number of milliseconds (fractions allowed), or an ISO-8601 text such as {@code PT5S}. */
    private static final class MillisDeserializer extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return Duration.parse(p.getText());
            }
            return Duration.ofNanos(Math.round(p.getDoubleValue() * 1_000_000));
        }
    }
}

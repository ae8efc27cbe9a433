package io.perfopt.integration.cluster;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/** {@link ForwardedSamples} in Compact format: one array per sample field. */
public final class ForwardedSamplesSerializer implements CompactSerializer<ForwardedSamples> {

    @Override
    public ForwardedSamples read(CompactReader in) {
        return new ForwardedSamples(in.readString("agentId"), in.readArrayOfString("metrics"),
                in.readArrayOfFloat64("values"), in.readArrayOfInt64("epochSeconds"), in.readArrayOfInt32("nanos"));
    }

    @Override
    public void write(CompactWriter out, ForwardedSamples task) {
        out.writeString("agentId", task.agentId);
        out.writeArrayOfString("metrics", task.metrics);
        out.writeArrayOfFloat64("values", task.values);
        out.writeArrayOfInt64("epochSeconds", task.epochSeconds);
        out.writeArrayOfInt32("nanos", task.nanos);
    }

    @Override
    public String getTypeName() {
        return "perfopt.ForwardedSamples";
    }

    @Override
    public Class<ForwardedSamples> getCompactClass() {
        return ForwardedSamples.class;
    }
}

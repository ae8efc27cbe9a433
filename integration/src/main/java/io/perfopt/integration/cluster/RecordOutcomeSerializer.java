package io.perfopt.integration.cluster;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.perfopt.api.learning.LearningOutcome;
import io.perfopt.api.optimization.Verdict;

/** {@link RecordOutcome} in Compact format: the verdict by name and the improvement. */
public final class RecordOutcomeSerializer implements CompactSerializer<RecordOutcome> {

    @Override
    public RecordOutcome read(CompactReader in) {
        return new RecordOutcome(new LearningOutcome(Verdict.valueOf(in.readString("verdict")),
                in.readFloat64("improvement")));
    }

    @Override
    public void write(CompactWriter out, RecordOutcome processor) {
        out.writeString("verdict", processor.outcome().verdict().name());
        out.writeFloat64("improvement", processor.outcome().improvement());
    }

    @Override
    public String getTypeName() {
        return "perfopt.RecordOutcome";
    }

    @Override
    public Class<RecordOutcome> getCompactClass() {
        return RecordOutcome.class;
    }
}

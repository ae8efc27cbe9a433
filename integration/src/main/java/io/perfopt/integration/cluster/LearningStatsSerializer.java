package io.perfopt.integration.cluster;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.perfopt.api.learning.LearningStats;

/**
 * {@link LearningStats} in Hazelcast's Compact format rather than Java serialization: fields by
 * name (a later field is added without breaking stored values), no class needed to read them
 * as a {@code GenericRecord}, and no Java deserialization of what arrives from the network.
 */
public final class LearningStatsSerializer implements CompactSerializer<LearningStats> {

    /** The type name in the cluster's schema: stable across renames of the Java class. */
    public static final String TYPE = "perfopt.LearningStats";

    @Override
    public LearningStats read(CompactReader in) {
        return new LearningStats(in.readInt64("trials"), in.readInt64("successes"), in.readInt64("degradations"),
                in.readFloat64("meanImprovement"), in.readFloat64("m2"), in.readFloat64("successImprovementSum"));
    }

    @Override
    public void write(CompactWriter out, LearningStats stats) {
        out.writeInt64("trials", stats.trials());
        out.writeInt64("successes", stats.successes());
        out.writeInt64("degradations", stats.degradations());
        out.writeFloat64("meanImprovement", stats.meanImprovement());
        out.writeFloat64("m2", stats.m2());
        out.writeFloat64("successImprovementSum", stats.successImprovementSum());
    }

    @Override
    public String getTypeName() {
        return TYPE;
    }

    @Override
    public Class<LearningStats> getCompactClass() {
        return LearningStats.class;
    }
}

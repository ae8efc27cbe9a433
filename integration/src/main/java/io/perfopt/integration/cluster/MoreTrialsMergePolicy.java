package io.perfopt.integration.cluster;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.merge.MergingValue;
import com.hazelcast.spi.merge.SplitBrainMergePolicy;
import io.perfopt.api.learning.LearningStats;

/**
 * Merges learning statistics after a split heals: per action, the side that saw more trials
 * wins. Both sides started from the same value, so adding them would count the shared history
 * twice, and the common ancestor needed to add only the deltas is not kept. Keeping the larger
 * side loses at most the trials the smaller side judged during the split; since a side below
 * the minimum size applies no change (its journal refuses writes) it judges none, so in
 * practice nothing is lost. A value only one side has is kept.
 */
public final class MoreTrialsMergePolicy implements SplitBrainMergePolicy<LearningStats, MergingValue<LearningStats>,
        Object> {

    @Override
    public Object merge(MergingValue<LearningStats> merging, MergingValue<LearningStats> existing) {
        if (existing == null || existing.getRawValue() == null) {
            return merging.getRawValue();
        }
        LearningStats incoming = merging.getDeserializedValue();
        LearningStats present = existing.getDeserializedValue();
        return incoming.trials() > present.trials() ? merging.getRawValue() : existing.getRawValue();
    }

    @Override
    public void writeData(ObjectDataOutput out) {
        // stateless
    }

    @Override
    public void readData(ObjectDataInput in) {
        // stateless
    }
}

package io.perfopt.integration.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.spi.merge.MergingValue;
import io.perfopt.api.learning.LearningStats;
import org.junit.jupiter.api.Test;

/** After a split heals, per action the side with more trials wins. */
class MoreTrialsMergePolicyTest {

    private final MoreTrialsMergePolicy policy = new MoreTrialsMergePolicy();

    private static MergingValue<LearningStats> value(LearningStats stats) {
        return new MergingValue<>() {
            @Override
            public LearningStats getDeserializedValue() {
                return stats;
            }

            @Override
            public Object getRawValue() {
                return stats;
            }
        };
    }

    private static LearningStats trials(long n) {
        return new LearningStats(n, n / 2, 0, 3, 1, n / 2 * 3.0);
    }

    @Test
    void theSideWithMoreTrialsWins() {
        assertThat(policy.merge(value(trials(12)), value(trials(9)))).isEqualTo(trials(12));
        assertThat(policy.merge(value(trials(4)), value(trials(9)))).isEqualTo(trials(9));
    }

    @Test
    void onATieTheValueAlreadyThereStays() {
        LearningStats present = new LearningStats(5, 1, 1, 2, 0, 4);
        assertThat(policy.merge(value(new LearningStats(5, 4, 0, 9, 0, 30)), value(present))).isSameAs(present);
    }

    @Test
    void aValueOnlyTheMergingSideHasIsKept() {
        assertThat(policy.merge(value(trials(3)), null)).isEqualTo(trials(3));
    }
}

package io.perfopt.engine.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.perfopt.api.optimization.Guardrail;
import io.perfopt.api.optimization.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImpactJudgeTest {

    private final ImpactJudge judge = new ImpactJudge(JudgeConfig.defaults());
    private final Random random = new Random(11);

    private double[] around(double center, double spread, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = center + spread * (random.nextDouble() * 2 - 1);
        }
        return values;
    }

    @Test
    void aClearDropInResponseTimeIsAnImprovement() {
        Judgement j = judge.judge("responseTimeMs", List.of(),
                Map.of("responseTimeMs", new BeforeAfter(around(2800, 200, 40), around(1750, 150, 40))));

        assertThat(j.verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(j.target().improvement()).isCloseTo(37.5, within(3.0));
        assertThat(j.target().pValue()).isLessThan(0.001);
        assertThat(j.target().shift().upper()).isNegative();
    }

    @Test
    void aRiseInResponseTimeIsADegradation() {
        Judgement j = judge.judge("responseTimeMs", List.of(),
                Map.of("responseTimeMs", new BeforeAfter(around(1000, 100, 30), around(1500, 100, 30))));

        assertThat(j.verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(j.target().improvement()).isNegative();
    }

    @Test
    void aHigherSuccessRateIsAnImprovement() {
        Judgement j = judge.judge("successRate", List.of(),
                Map.of("successRate", new BeforeAfter(around(0.62, 0.03, 20), around(0.75, 0.03, 20))));

        assertThat(j.verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(j.target().improvement()).isCloseTo(21, within(3.0));
    }

    @Test
    void samplesFromTheSameDistributionShowNoEffect() {
        Judgement j = judge.judge("responseTimeMs", List.of(),
                Map.of("responseTimeMs", new BeforeAfter(around(1000, 100, 50), around(1000, 100, 50))));

        assertThat(j.verdict()).isEqualTo(Verdict.NO_EFFECT);
    }

    @Test
    void aSignificantButNegligibleShiftIsNoEffect() {
        Judgement j = judge.judge("responseTimeMs", List.of(),
                Map.of("responseTimeMs", new BeforeAfter(around(1000, 5, 200), around(980, 5, 200))));

        assertThat(j.target().pValue()).isLessThan(0.001);
        assertThat(j.verdict()).isEqualTo(Verdict.NO_EFFECT);
        assertThat(j.reason()).contains("within the 5.0% tolerance");
    }

    @Test
    void tooFewSamplesAreInconclusiveNeverAPass() {
        Judgement j = judge.judge("responseTimeMs", List.of(),
                Map.of("responseTimeMs", new BeforeAfter(around(2800, 10, 40), new double[] {100, 100, 100})));

        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reason()).isEqualTo("too few responseTimeMs samples (40 before, 3 after, need 8)");
    }

    @Test
    void missingSamplesAreInconclusive() {
        assertThat(judge.judge("responseTimeMs", List.of(), Map.of()).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void aBrokenGuardrailTurnsAnImprovementIntoADegradation() {
        Judgement j = judge.judge("successRate", List.of(Guardrail.of("decisionCount")), Map.of(
                "successRate", new BeforeAfter(around(0.62, 0.02, 20), around(0.90, 0.02, 20)),
                "decisionCount", new BeforeAfter(around(100, 5, 20), around(40, 5, 20))));

        assertThat(j.verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(j.issues()).anyMatch(i -> i.startsWith("guardrail decisionCount worsened"));
    }

    @Test
    void aGuardrailWithinItsToleranceHolds() {
        Judgement j = judge.judge("successRate", List.of(new Guardrail("decisionCount", 20)), Map.of(
                "successRate", new BeforeAfter(around(0.62, 0.02, 20), around(0.90, 0.02, 20)),
                "decisionCount", new BeforeAfter(around(100, 2, 20), around(90, 2, 20))));

        assertThat(j.verdict()).isEqualTo(Verdict.IMPROVED);
    }

    /** 90 % of requests around 1000 ms, the slowest 10 % around {@code tailMs}: the p95 lies in the tail. */
    private double[] withTail(double tailMs, int n) {
        double[] values = around(1000, 100, n);
        for (int i = 0; i < n / 10; i++) {
            values[i] = tailMs + random.nextDouble() * 200;
        }
        return values;
    }

    @Test
    void halvingTheTailWithoutMovingTheMedianIsAnImprovement() {
        Judgement j = judge.judge("responseTimeMs", List.of(),
                Map.of("responseTimeMs", new BeforeAfter(withTail(3000, 400), around(1000, 100, 400))));

        assertThat(j.target().improvement()).isBetween(-5.0, 5.0);
        assertThat(j.verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(j.reason()).isEqualTo("faster in the tail");
        assertThat(j.tail().afterShare()).isLessThan(j.tail().beforeShare());
        assertThat(j.improvement()).isEqualTo(j.tail().improvement()).isGreaterThan(40);
    }

    @Test
    void aSlowerTailIsADegradationEvenWhenTheMedianHolds() {
        Judgement j = judge.judge("responseTimeMs", List.of(),
                Map.of("responseTimeMs", new BeforeAfter(around(1000, 100, 400), withTail(4000, 400))));

        assertThat(j.verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(j.reason()).isEqualTo("slower in the tail");
        assertThat(j.improvement()).isNegative();
    }

    @Test
    void theTailIsNotJudgedOnFewSamplesOrForRates() {
        assertThat(judge.judge("responseTimeMs", List.of(), Map.of("responseTimeMs",
                new BeforeAfter(withTail(3000, 60), around(1000, 100, 60)))).tail()).isNull();
        assertThat(judge.judge("successRate", List.of(), Map.of("successRate",
                new BeforeAfter(around(0.6, 0.05, 200), around(0.6, 0.05, 200)))).tail()).isNull();
    }

    @Test
    void identicalConstantSamplesShowNoEffect() {
        double[] same = {5, 5, 5, 5, 5, 5, 5, 5, 5, 5};
        Judgement j = judge.judge("responseTimeMs", List.of(), Map.of("responseTimeMs", new BeforeAfter(same, same)));

        assertThat(j.verdict()).isEqualTo(Verdict.NO_EFFECT);
        assertThat(j.target().pValue()).isEqualTo(1.0);
    }
}

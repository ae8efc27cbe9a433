package io.perfopt.engine.execute;

import io.perfopt.api.knob.KnobChange;
import io.perfopt.api.optimization.Guardrail;
import io.perfopt.api.optimization.OptimizationStrategy;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.api.spi.ActuationException;
import io.perfopt.api.spi.Actuator;
import io.perfopt.engine.detect.Thresholds;
import io.perfopt.engine.judge.BeforeAfter;
import io.perfopt.engine.judge.ImpactJudge;
import io.perfopt.engine.judge.Judgement;
import io.perfopt.engine.window.MetricStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the observation of applied changes: once a change's window has passed (and it has enough
 * after-samples, or its grace time is up) it is judged; what did not measurably help is rolled
 * back, journal entry closed only when the agent has its old values again.
 */
public final class ChangeVerifier {

    /** Metrics whose thresholds every change must keep. */
    public static final List<String> GUARDED_METRICS = List.of("responseTimeMs", "successRate", "coordinationScore");

    private static final Logger log = LoggerFactory.getLogger(ChangeVerifier.class);

    private final ImpactJudge judge;
    private final ThresholdGuard guard;
    private final MetricStore store;
    private final Actuator actuator;
    private final ChangeJournal journal;
    private final VerificationConfig verification;
    private final Clock clock;

    public ChangeVerifier(ImpactJudge judge, ThresholdGuard guard, MetricStore store, Actuator actuator,
                          ChangeJournal journal, VerificationConfig verification, Clock clock) {
        this.judge = judge;
        this.guard = guard;
        this.store = store;
        this.actuator = actuator;
        this.journal = journal;
        this.verification = verification;
        this.clock = clock;
    }

    /** The metrics a strategy is judged on: its target, its guardrails and the guarded thresholds. */
    public static Set<String> judgedMetrics(OptimizationStrategy strategy) {
        Set<String> metrics = new LinkedHashSet<>();
        metrics.add(strategy.targetMetric());
        strategy.guardrails().stream().map(Guardrail::metric).forEach(metrics::add);
        metrics.addAll(GUARDED_METRICS);
        return metrics;
    }

    /** Judges an APPLIED entry when it is due; empty while it is still being observed. */
    public Optional<Verification> verifyIfDue(JournalEntry entry, Thresholds thresholds) {
        Instant now = clock.instant();
        if (entry.state() != JournalState.APPLIED || now.isBefore(entry.judgeAt())) {
            return Optional.empty();
        }
        Map<String, BeforeAfter> samples = samples(entry, now);
        int afterCount = samples.get(entry.strategy().targetMetric()).after().length;
        boolean graceLeft = now.isBefore(entry.judgeAt().plus(verification.grace()));
        if (afterCount < judge.config().minSamples() && graceLeft) {
            return Optional.empty(); // e.g. taken over mid-window: give the new owner time to collect
        }
        Judgement judgement = judge.judge(entry.strategy().targetMetric(), entry.strategy().guardrails(), samples);
        List<String> issues = new ArrayList<>(judgement.issues());
        Verdict verdict = judgement.verdict();
        if (verdict == Verdict.IMPROVED) {
            List<String> breaches = guard.breaches(thresholds, samples);
            if (!breaches.isEmpty()) {
                issues.addAll(breaches);
                verdict = Verdict.DEGRADED;
            }
        }
        boolean keep = verdict.kept() || (verdict == Verdict.NO_EFFECT && judge.config().keepNoEffect());
        if (keep) {
            journal.close(entry.id(), verdict);
        } else {
            issues.addAll(rollBack(entry, verdict));
        }
        return Optional.of(new Verification(entry, verdict, judgement, keep, issues));
    }

    /**
     * Undoes the entry's changes, last first. Closes the entry when the agent has its old values
     * again; otherwise leaves it ROLLBACK_PENDING, to be retried, and returns the problems.
     */
    public List<String> rollBack(JournalEntry entry, Verdict verdict) {
        List<String> problems = new ArrayList<>();
        List<KnobChange> changes = entry.strategy().changes();
        for (int i = changes.size() - 1; i >= 0; i--) {
            KnobChange change = changes.get(i);
            try {
                actuator.revert(entry.agentId(), entry.knobBefore(change.knob()), change);
            } catch (ActuationException | RuntimeException e) {
                problems.add("rollback of " + change.knob() + " failed, will retry: " + e.getMessage());
            }
        }
        if (problems.isEmpty()) {
            journal.close(entry.id(), verdict);
        } else {
            journal.write(entry.withState(JournalState.ROLLBACK_PENDING, verdict));
            log.warn("agent {}: rollback of {} incomplete: {}", entry.agentId(), entry.id(), problems);
        }
        return problems;
    }

    private Map<String, BeforeAfter> samples(JournalEntry entry, Instant now) {
        Map<String, BeforeAfter> samples = new LinkedHashMap<>();
        for (String metric : judgedMetrics(entry.strategy())) {
            double[] after = store.samples(entry.agentId(), metric, entry.observeFrom(), now);
            samples.put(metric, new BeforeAfter(entry.before(metric), after));
        }
        return samples;
    }
}

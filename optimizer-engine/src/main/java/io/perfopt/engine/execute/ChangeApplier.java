package io.perfopt.engine.execute;

import io.perfopt.api.knob.Knob;
import io.perfopt.api.knob.KnobChange;
import io.perfopt.api.optimization.OptimizationStrategy;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.api.spi.ActuationException;
import io.perfopt.api.spi.Actuator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a strategy's knob changes, journal first: the entry is written (PENDING) before the
 * first change reaches the agent, marked APPLIED once all did, and a partial failure undoes the
 * changes already made so the agent is left as it was.
 */
public final class ChangeApplier {

    private static final Logger log = LoggerFactory.getLogger(ChangeApplier.class);

    private final Actuator actuator;
    private final ChangeJournal journal;
    private final VerificationConfig verification;
    private final Clock clock;
    private final String nodeId;

    public ChangeApplier(Actuator actuator, ChangeJournal journal, VerificationConfig verification, Clock clock,
                         String nodeId) {
        this.actuator = actuator;
        this.journal = journal;
        this.verification = verification;
        this.clock = clock;
        this.nodeId = nodeId;
    }

    /**
     * Applies the strategy to its agent.
     *
     * @param knobs         the agent's knobs as read for planning
     * @param beforeSamples samples of the judged metrics before the change
     */
    public ApplyOutcome apply(OptimizationStrategy strategy, List<Knob> knobs,
                              Map<String, List<Double>> beforeSamples) {
        String agentId = strategy.target();
        // the agent may have moved since planning (another change, a person): never apply on a stale baseline
        List<Knob> before = new ArrayList<>();
        for (KnobChange change : strategy.changes()) {
            Knob knob = knobs.stream().filter(k -> k.name().equals(change.knob())).findFirst().orElse(null);
            if (knob == null || knob.value() != change.from()) {
                return ApplyOutcome.failed("knob " + change.knob() + " no longer has the planned value "
                        + change.from() + (knob == null ? " (knob gone)" : " (now " + knob.format(knob.value()) + ")"));
            }
            before.add(knob);
        }
        Instant now = clock.instant();
        Instant observeFrom = now.plus(verification.settle());
        JournalEntry entry = new JournalEntry(strategy.id(), agentId, strategy, before, JournalState.PENDING, now,
                observeFrom, observeFrom.plus(verification.window()), beforeSamples, nodeId, null);
        try {
            journal.write(entry);
        } catch (RuntimeException e) {
            // what cannot be journaled is not applied (a member that lost the agent or its quorum, a database down)
            log.warn("agent {}: strategy {} not applied, the change journal refused it: {}", agentId, strategy.id(),
                    e.getMessage());
            return ApplyOutcome.failed("the change journal refused the change, nothing was applied: " + e.getMessage());
        }

        List<KnobChange> done = new ArrayList<>();
        for (KnobChange change : strategy.changes()) {
            try {
                actuator.apply(agentId, entry.knobBefore(change.knob()), change.to());
                done.add(change);
            } catch (ActuationException | RuntimeException e) {
                // the failed call may still have reached the agent (a timeout after it applied): undo it too
                done.add(change);
                String undo = undo(entry, done);
                if (undo.isEmpty()) {
                    journal.close(entry.id(), Verdict.FAILED);
                } else {
                    journal.write(entry.withState(JournalState.ROLLBACK_PENDING, Verdict.FAILED));
                }
                log.warn("agent {}: could not apply {} of strategy {}: {}{}", agentId, change, strategy.id(),
                        e.getMessage(), undo);
                return ApplyOutcome.failed("could not set " + change.knob() + ": " + e.getMessage() + undo);
            }
        }
        JournalEntry applied = entry.withState(JournalState.APPLIED, null);
        journal.write(applied);
        return ApplyOutcome.applied(applied);
    }

    private String undo(JournalEntry entry, List<KnobChange> done) {
        StringBuilder problems = new StringBuilder();
        for (int i = done.size() - 1; i >= 0; i--) {
            KnobChange change = done.get(i);
            try {
                actuator.revert(entry.agentId(), entry.knobBefore(change.knob()), change);
            } catch (ActuationException | RuntimeException e) {
                problems.append("; could not restore ").append(change.knob()).append(" (will retry): ")
                        .append(e.getMessage());
            }
        }
        return problems.toString();
    }
}

package io.perfopt.engine.autonomy;

import io.perfopt.api.optimization.Verdict;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How much perfopt may do without asking, moved by its own measured success.
 *
 * <pre>
 *   s         = kept / judged, over the last {@code history} judged changes (improved, no effect, degraded)
 *   level     = floor + (ceiling − floor) · s         (stays at floor until minVerdicts judged)
 *   max risk  = (level − 0.5) · aggressiveness,  capped at 1
 * </pre>
 *
 * With the defaults a strategy of risk up to 0.30 runs unattended at start and up to 0.45 after a
 * run of successes; rollbacks pull the level, and the allowed risk, back down. Riskier strategies
 * wait for approval.
 */
public final class AutonomyLevel {

    private static final Logger log = LoggerFactory.getLogger(AutonomyLevel.class);
    private static final double RISK_OFFSET = 0.5;

    private final AutonomyConfig config;
    private final Deque<Boolean> recent = new ArrayDeque<>();
    private double level;

    public AutonomyLevel(AutonomyConfig config) {
        this.config = config;
        this.level = config.floor();
    }

    /** The current level, within floor..ceiling. */
    public synchronized double level() {
        return level;
    }

    /** The highest strategy risk allowed to run without approval at this level. */
    public synchronized double maxUnattendedRisk(double aggressiveness) {
        return Math.min(1, (level - RISK_OFFSET) * aggressiveness);
    }

    /** Counts a verdict; only judged ones (improved, no effect, degraded) move the level. */
    public synchronized void record(Verdict verdict) {
        if (!verdict.judged()) {
            return;
        }
        recent.addLast(verdict.kept());
        while (recent.size() > config.history()) {
            recent.removeFirst();
        }
        double before = level;
        if (recent.size() >= config.minVerdicts()) {
            long kept = recent.stream().filter(Boolean::booleanValue).count();
            level = config.floor() + (config.ceiling() - config.floor()) * kept / recent.size();
        }
        if (level != before) {
            log.debug("autonomy {} -> {} after {} ({} of the last {} judged changes kept)",
                    before, level, verdict, recent.stream().filter(Boolean::booleanValue).count(), recent.size());
        }
    }

    /** The measured success rate behind the level; 0 before any judged change. */
    public synchronized double successRate() {
        return recent.isEmpty() ? 0 : recent.stream().filter(Boolean::booleanValue).count() / (double) recent.size();
    }
}

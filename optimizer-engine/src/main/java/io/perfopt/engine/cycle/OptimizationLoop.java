package io.perfopt.engine.cycle;

import io.perfopt.api.AgentDescriptor;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.metric.AgentMetrics;
import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.optimization.CyclePhase;
import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.optimization.OptimizationResult;
import io.perfopt.api.optimization.OptimizationStrategy;
import io.perfopt.api.optimization.Origin;
import io.perfopt.api.optimization.Recommendation;
import io.perfopt.api.optimization.Severity;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.api.spi.ActuationException;
import io.perfopt.api.spi.Actuator;
import io.perfopt.engine.autonomy.ApprovalQueue;
import io.perfopt.engine.command.ControlState;
import io.perfopt.engine.autonomy.AutonomyLevel;
import io.perfopt.engine.detect.BottleneckDetector;
import io.perfopt.engine.detect.HealthScore;
import io.perfopt.engine.detect.ThresholdPolicy;
import io.perfopt.engine.execute.ApplyOutcome;
import io.perfopt.engine.execute.ChangeApplier;
import io.perfopt.engine.execute.ChangeJournal;
import io.perfopt.engine.execute.ChangeVerifier;
import io.perfopt.engine.execute.JournalEntry;
import io.perfopt.engine.execute.ThresholdGuard;
import io.perfopt.engine.fleet.AgentDirectory;
import io.perfopt.engine.forecast.TrendForecaster;
import io.perfopt.engine.judge.ImpactJudge;
import io.perfopt.engine.learn.LearningStore;
import io.perfopt.engine.learn.ThompsonSampler;
import io.perfopt.engine.plan.PluginHealth;
import io.perfopt.engine.plan.PluginRunner;
import io.perfopt.engine.plan.PluginSource;
import io.perfopt.engine.plan.Planner;
import io.perfopt.engine.plan.RankedStrategy;
import io.perfopt.engine.report.Explainer;
import io.perfopt.engine.report.ImpactTally;
import io.perfopt.engine.report.Recommender;
import io.perfopt.engine.report.ReportSink;
import io.perfopt.engine.window.MetricStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optimization loop: one call of {@link #runCycle()} is one cycle.
 *
 * <pre>
 *   collect → judge changes whose window ended (keep | roll back) → detect → forecast
 *           → plan (plugins propose, learning ranks) → execute (apply | queue for approval)
 *           → learn → report
 * </pre>
 *
 * One change is in flight per agent; its verdict comes in a later cycle, once its verification
 * window has passed on the injected clock. Nothing here invents a number: every improvement is
 * the measured difference of an agent's samples before and after. Cycles are serialized;
 * commands may arrive from other threads.
 */
public final class OptimizationLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OptimizationLoop.class);
    /** Outcomes waiting for the learning store to take them, at most this many. */
    private static final int UNLEARNED_KEPT = 10_000;
    /** Verdicts of an agent shown to plugins while planning. */
    private static final int HISTORY_SHOWN = 100;
    /** Fewest agents detected or forecast on a thread of their own (see AgentPartitions). */
    private static final int AGENTS_PER_PARTITION = 250;

    private final EngineConfig config;
    private final Clock clock;
    private final MetricStore store;
    private final AgentDirectory directory;
    private final Actuator actuator;
    private final ChangeJournal journal;
    private final LearningStore learning;
    private final TolerantLearning readLearning;
    private final List<ReportSink> sinks;
    private final MetricCollector collector;
    private final ThresholdPolicy thresholds;
    private final BottleneckDetector detector;
    private final TrendForecaster forecaster;
    private final PluginRunner runner;
    private final Planner planner;
    private final ChangeApplier applier;
    private final ChangeVerifier verifier;
    private final AutonomyLevel autonomy;
    private final ApprovalQueue approvals;
    private final AgentPartitions partitions;
    private final ImpactTally tally = new ImpactTally();
    private final Recommender recommender = new Recommender();
    private final ControlState control = new ControlState();
    private final Deque<OptimizationResult> recentResults = new ArrayDeque<>();
    private final Deque<CycleReport> recentReports = new ArrayDeque<>();
    private final List<OptimizationResult> outOfCycleResults = new ArrayList<>();
    private final Map<String, Instant> baselineFrom = new ConcurrentHashMap<>();
    private final Deque<Map.Entry<io.perfopt.api.learning.ActionKey, io.perfopt.api.learning.LearningOutcome>>
            unlearned = new ArrayDeque<>();
    private volatile Map<String, List<Bottleneck>> openBottlenecks = Map.of();
    private volatile Instant lastCycleAt;
    private long cycle;
    /**
     * Tells this run's strategy ids from those of earlier runs of the same node: cycle numbers
     * start at 1 again after a restart, while the journal and the database keep the old ids.
     */
    private final String runId;

    OptimizationLoop(OptimizationLoopBuilder b) {
        this.config = b.config;
        this.clock = b.clock;
        this.store = b.store != null ? b.store : new MetricStore(config.window(), clock);
        this.directory = b.directory;
        this.actuator = b.actuator;
        this.journal = b.journal;
        this.learning = b.learning;
        this.sinks = List.copyOf(b.sinks);
        this.collector = b.collector;
        this.thresholds = b.thresholds != null ? b.thresholds : new ThresholdPolicy(config.thresholds());
        this.detector = new BottleneckDetector(config.detection(), thresholds);
        this.forecaster = new TrendForecaster(config.forecast(), thresholds, config.detection().latencyStatistic());
        this.runner = new PluginRunner(config.pluginTimeout(), config.pluginFailureLimit(), clock);
        this.readLearning = new TolerantLearning(learning);
        this.planner = new Planner(b.plugins, runner, readLearning, new ThompsonSampler(config.seed()));
        this.applier = new ChangeApplier(actuator, journal, config.verification(), clock, config.nodeId());
        this.verifier = new ChangeVerifier(new ImpactJudge(config.judge()),
                new ThresholdGuard(config.detection().latencyStatistic(), config.judge().minSamples()), store,
                actuator, journal, config.verification(), clock);
        this.autonomy = new AutonomyLevel(config.autonomy());
        this.approvals = new ApprovalQueue(config.approvalExpiry());
        this.partitions = new AgentPartitions(config.detectionThreads(), AGENTS_PER_PARTITION);
        this.runId = Long.toString(clock.millis(), 36);
    }

    /** Starts building a loop; the clock, directory, plugins and actuator are required. */
    public static OptimizationLoopBuilder builder() {
        return new OptimizationLoopBuilder();
    }

    /** Runs one cycle over every agent this node owns. */
    public synchronized CycleReport runCycle() {
        return cycle(directory.owned(), true);
    }

    /** Runs an out-of-cycle evaluation of one owned agent (e.g. on an orchestrator's signal). */
    public synchronized CycleReport runCycleFor(String agentId) {
        List<AgentDescriptor> one = directory.owned().stream().filter(a -> a.id().equals(agentId)).toList();
        return cycle(one, false);
    }

    private CycleReport cycle(List<AgentDescriptor> agents, boolean wholeFleet) {
        cycle++;
        CycleDraft d = new CycleDraft(cycle, clock);
        agents.forEach(a -> d.agents.add(a.id()));
        d.time(CyclePhase.COLLECT, () -> collect(d));
        d.time(CyclePhase.JUDGE, () -> judgeOpenChanges(d));
        Map<String, AgentMetrics> views = new LinkedHashMap<>();
        d.time(CyclePhase.DETECT, () -> detect(d, agents, views, wholeFleet));
        d.time(CyclePhase.FORECAST, () -> forecast(d, views));
        planAndExecute(d, agents, views);
        d.time(CyclePhase.LEARN, () -> learn(d));
        CycleReport report = d.time(CyclePhase.REPORT, () -> report(d));
        lastCycleAt = report.finishedAt();
        return report;
    }

    private void collect(CycleDraft d) {
        try {
            collector.collect();
        } catch (RuntimeException e) {
            d.errors.add("collection failed: " + e);
            log.warn("cycle {}: collection failed", d.cycle, e);
        }
    }

    // ---- judge ----------------------------------------------------------------------------

    /**
     * The journal's open entries, or empty when the journal cannot be read (its store is down):
     * the cycle then neither judges nor starts changes, and says why.
     */
    private Optional<List<JournalEntry>> openEntries(CycleDraft d) {
        try {
            return Optional.of(journal.open());
        } catch (RuntimeException e) {
            d.errors.add("the change journal cannot be read, so no change is judged or started: " + e);
            log.warn("cycle {}: the change journal cannot be read: {}", d.cycle, e.toString());
            return Optional.empty();
        }
    }

    private void judgeOpenChanges(CycleDraft d) {
        for (JournalEntry open : openEntries(d).orElse(List.of())) {
            if (!directory.owns(open.agentId())) {
                continue;
            }
            try {
                judgeOpenChange(open, d);
            } catch (RuntimeException e) {
                // e.g. the journal refused a write: the entry stays open and is taken up next cycle
                d.errors.add("agent " + open.agentId() + ": change " + open.id() + " could not be judged now: " + e);
                log.warn("agent {}: change {} could not be judged now: {}", open.agentId(), open.id(), e.toString());
            }
        }
    }

    private void judgeOpenChange(JournalEntry open, CycleDraft d) {
        Instant now = clock.instant();
        JournalEntry entry = open;
        if (!entry.nodeId().equals(config.nodeId())) {
            entry = entry.withNode(config.nodeId());
            journal.write(entry);
            d.decisions.add("took over change " + entry.id() + " on " + entry.agentId() + " from " + open.nodeId());
            log.info("agent {}: took over change {} ({}) from {}", entry.agentId(), entry.id(), entry.state(),
                    open.nodeId());
        }
        switch (entry.state()) {
            case PENDING -> recoverInterrupted(entry, d, now);
            case ROLLBACK_PENDING -> retryRollback(entry, d, now);
            case APPLIED -> judge(entry, d, now);
        }
    }

    private void judge(JournalEntry entry, CycleDraft d, Instant now) {
        verifier.verifyIfDue(entry, thresholds.forAgent(entry.agentId())).ifPresent(v -> {
            OptimizationResult result = ResultFactory.judged(v, store, now);
            d.results.add(result);
            d.decisions.add(result.explanation());
            if (!v.kept()) {
                baselineFrom.put(entry.agentId(), now.plus(config.verification().settle()));
            }
            log.info("agent {}: {} [{}]", entry.agentId(), result.explanation(), entry.id());
        });
    }

    private void recoverInterrupted(JournalEntry entry, CycleDraft d, Instant now) {
        List<String> problems = verifier.rollBack(entry, Verdict.FAILED);
        String reason = "interrupted before its outcome was known (restart or failover); "
                + (problems.isEmpty() ? "old values restored" : "restoring old values: " + String.join("; ", problems));
        OptimizationResult result = ResultFactory.failed(entry.strategy(), reason,
                Duration.between(entry.appliedAt(), now), now);
        d.results.add(result);
        d.decisions.add(result.explanation());
        baselineFrom.put(entry.agentId(), now.plus(config.verification().settle()));
        log.warn("agent {}: change {} {}", entry.agentId(), entry.id(), reason);
    }

    private void retryRollback(JournalEntry entry, CycleDraft d, Instant now) {
        List<String> problems = verifier.rollBack(entry, entry.verdict() == null ? Verdict.FAILED : entry.verdict());
        if (problems.isEmpty()) {
            d.decisions.add("completed the rollback of " + entry.id() + " on " + entry.agentId());
            baselineFrom.put(entry.agentId(), now.plus(config.verification().settle()));
        } else {
            d.errors.addAll(problems.stream().map(p -> "agent " + entry.agentId() + ": " + p).toList());
        }
    }

    // ---- detect & forecast ----------------------------------------------------------------

    private void detect(CycleDraft d, List<AgentDescriptor> agents, Map<String, AgentMetrics> views,
                        boolean wholeFleet) {
        Instant now = clock.instant();
        Map<String, Double> health = new TreeMap<>(); // by agent id, as HealthScore.agents orders it
        for (AgentDetection detected : partitions.map(agents, agent -> detectAgent(agent.id(), d.cycle, now))) {
            if (detected.view() == null) {
                d.decisions.add(detected.staleness());
                continue;
            }
            views.put(detected.agentId(), detected.view());
            d.bottlenecks.addAll(detected.bottlenecks());
            detected.health().ifPresent(h -> health.put(detected.agentId(), h));
        }
        if (wholeFleet && !views.isEmpty()) {
            HealthScore.systemOf(health).ifPresent(score -> d.systemScore = score);
            d.bottlenecks.addAll(detector.evaluateHealth(health, now));
        }
    }

    /** One agent's detection; runs on any of the partitions' threads, so it touches no draft. */
    private AgentDetection detectAgent(String agentId, long cycleNumber, Instant now) {
        Optional<Instant> seen = store.lastSeen(agentId);
        if (seen.isEmpty() || seen.get().isBefore(now.minus(config.staleAfter()))) {
            return AgentDetection.stale(agentId, agentId + " is stale (" + seen.map(t -> "no metrics since " + t)
                    .orElse("no metrics yet") + "): not acted on");
        }
        AgentMetrics view = store.lazyViewSince(agentId, latest(now.minus(config.detectionWindow()),
                baselineFrom.get(agentId)));
        List<Bottleneck> found = new ArrayList<>(detector.evaluate(agentId, view, now));
        resourcePressure(agentId, view, !found.isEmpty(), cycleNumber, now).ifPresent(found::add);
        // scored here, while the agent's summaries are in cache; a second pass over 10,000 views missed on each
        OptionalDouble health = detector.healthScore().agent(agentId, view);
        return new AgentDetection(agentId, view, found, health, null);
    }

    private Optional<Bottleneck> resourcePressure(String agentId, AgentMetrics view, boolean troubled, long cycleNumber,
                                                 Instant now) {
        if (!control.savingResources(agentId, cycleNumber)) {
            return Optional.empty();
        }
        double memory = view.mean("memory", 0);
        double cpu = view.mean("cpu", 0);
        if (troubled || Math.max(memory, cpu) == 0) {
            return Optional.empty();
        }
        String metric = memory >= cpu ? "memory" : "cpu";
        double usage = Math.max(memory, cpu);
        return Optional.of(new Bottleneck(BottleneckType.RESOURCE_PRESSURE, Severity.LOW, agentId, metric,
                String.format(Locale.ROOT, "resource saving requested: memory %.0f%%, cpu %.0f%% in use",
                        memory * 100, cpu * 100),
                usage * 50, "give back cache or workers while every threshold holds",
                Map.of("memory", memory, "cpu", cpu), Origin.REACTIVE, now));
    }

    private void forecast(CycleDraft d, Map<String, AgentMetrics> views) {
        Instant now = clock.instant();
        Set<Map.Entry<String, BottleneckType>> observed = new HashSet<>(); // (agent, type) seen reactively
        for (Bottleneck b : d.bottlenecks) {
            if (b.origin() == Origin.REACTIVE) {
                observed.add(Map.entry(b.component(), b.type()));
            }
        }
        List<Map.Entry<String, AgentMetrics>> agents = new ArrayList<>(views.entrySet());
        for (List<Bottleneck> forecasts : partitions.map(agents,
                agent -> forecaster.observe(agent.getKey(), agent.getValue(), now))) {
            for (Bottleneck forecast : forecasts) {
                // a breach already observed is the reactive detector's to report
                if (!observed.contains(Map.entry(forecast.component(), forecast.type()))) {
                    d.bottlenecks.add(forecast);
                }
            }
        }
    }

    // ---- plan & execute -------------------------------------------------------------------

    private void planAndExecute(CycleDraft d, List<AgentDescriptor> agents, Map<String, AgentMetrics> views) {
        if (control.paused()) {
            d.decisions.add("paused: no new changes this cycle");
            return;
        }
        Optional<List<JournalEntry>> open = openEntries(d);
        if (open.isEmpty()) {
            return;
        }
        Set<String> busy = open.get().stream().map(JournalEntry::agentId).collect(Collectors.toCollection(HashSet::new));
        int[] started = {0};
        d.time(CyclePhase.EXECUTE, () -> runApproved(d, views.keySet(), busy, started));
        Optional<String> focus = control.focus(d.cycle);
        int[] sequence = {0};
        Set<String> unplanned = new HashSet<>();
        // grouped once: filtering the cycle's bottlenecks per agent cost 10,000 × 1,000 comparisons
        Map<String, List<Bottleneck>> actionableByAgent = d.bottlenecks.stream().filter(OptimizationLoop::actionable)
                .collect(Collectors.groupingBy(Bottleneck::component));
        for (AgentDescriptor agent : agents) {
            String id = agent.id();
            List<Bottleneck> own = actionableByAgent.getOrDefault(id, List.of()).stream()
                    .sorted(Comparator.comparing(Bottleneck::severity).reversed()).toList();
            if (own.isEmpty() || !views.containsKey(id) || busy.contains(id)
                    || (focus.isPresent() && !focus.get().equals(id))) {
                continue;
            }
            if (config.maxChangesPerCycle() > 0 && started[0] >= config.maxChangesPerCycle()) {
                d.decisions.add("change limit of " + config.maxChangesPerCycle() + " per cycle reached");
                break;
            }
            List<Knob> knobs;
            try {
                knobs = actuator.readKnobs(id);
            } catch (ActuationException | RuntimeException e) {
                d.errors.add("could not read the knobs of " + id + ": " + e.getMessage());
                log.warn("agent {}: could not read knobs: {}", id, e.getMessage());
                continue;
            }
            List<RankedStrategy> ranked = d.time(CyclePhase.PLAN, () -> planner.plan(agent, own, knobs,
                    views.get(id), control.aggressiveness(), historyOf(id),
                    () -> config.nodeId() + "-" + runId + "-c" + d.cycle + "-" + (++sequence[0])));
            ranked.forEach(r -> d.strategies.add(r.strategy()));
            if (ranked.isEmpty()) {
                if (own.stream().anyMatch(b -> b.type() == BottleneckType.RESPONSE_TIME)) {
                    unplanned.add(id);
                }
                d.decisions.add("no plugin proposed a fix for " + own.stream().map(Bottleneck::description)
                        .collect(Collectors.joining("; ")) + " on " + id);
                continue;
            }
            if (d.time(CyclePhase.EXECUTE, () -> choose(ranked, d))) {
                started[0]++;
            }
        }
        d.unplanned.addAll(unplanned);
    }

    /**
     * Whether a bottleneck calls for a change now: forecast ones and resource saving do; an
     * observed one only while the current reading is still past its threshold (impact above
     * zero). One that is merely waiting out its hysteresis is left to clear.
     */
    private static boolean actionable(Bottleneck b) {
        return b.origin() == Origin.PROACTIVE || b.type() == BottleneckType.RESOURCE_PRESSURE || b.impact() > 0;
    }

    /** The agent's latest verdicts, oldest first, as plugins see them. */
    private List<OptimizationResult> historyOf(String agentId) {
        synchronized (recentResults) {
            List<OptimizationResult> mine = recentResults.stream().filter(r -> r.strategy().target().equals(agentId))
                    .toList();
            return mine.subList(Math.max(0, mine.size() - HISTORY_SHOWN), mine.size());
        }
    }

    private void runApproved(CycleDraft d, Set<String> fresh, Set<String> busy, int[] started) {
        for (ApprovalQueue.Waiting waiting : approvals.approved()) {
            String agentId = waiting.agentId();
            if (!directory.owns(agentId)) {
                approvals.remove(waiting.id());
                reject(waiting.candidate().strategy(), "its agent " + agentId + " is no longer optimized here", d);
            } else if (fresh.contains(agentId) && !busy.contains(agentId)) {
                Optional<String> notYet = baselineMissing(waiting.candidate().strategy(), clock.instant());
                if (notYet.isPresent()) {
                    // approved, but not measurable yet: it stays approved and runs once the baseline is whole
                    d.decisions.add("approved " + waiting.id() + " waits: " + notYet.get());
                    busy.add(agentId);
                    continue;
                }
                approvals.remove(waiting.id());
                if (apply(waiting.candidate(), d, 1)) {
                    busy.add(agentId);
                    started[0]++;
                }
            }
        }
    }

    /** Applies the best strategy the autonomy level allows; returns whether a change started. */
    private boolean choose(List<RankedStrategy> ranked, CycleDraft d) {
        double maxRisk = autonomy.maxUnattendedRisk(control.aggressiveness());
        for (RankedStrategy candidate : ranked) {
            OptimizationStrategy s = candidate.strategy();
            if (s.risk() > maxRisk) {
                if (approvals.offer(candidate, clock.instant())) {
                    String why = Explainer.awaitingApproval(s, autonomy.level(), maxRisk);
                    d.awaitingApproval.add(s.id());
                    d.decisions.add(why);
                    d.results.add(ResultFactory.unapplied(s, Verdict.AWAITING_APPROVAL, why, clock.instant()));
                    log.info("agent {}: {}", s.target(), why);
                }
                continue;
            }
            return apply(candidate, d, ranked.size());
        }
        return false;
    }

    private boolean apply(RankedStrategy candidate, CycleDraft d, int candidates) {
        OptimizationStrategy s = candidate.strategy();
        Instant now = clock.instant();
        Optional<String> notYet = baselineMissing(s, now);
        if (notYet.isPresent()) {
            d.decisions.add(notYet.get());
            return false;
        }
        Map<String, List<Double>> before = beforeSamples(s, now);
        int baseline = before.getOrDefault(s.targetMetric(), List.of()).size();
        if (baseline < config.judge().minSamples()) {
            d.decisions.add(String.format(Locale.ROOT, "not enough baseline samples of %s on %s (%d, need %d): "
                    + "waiting before changing anything", s.targetMetric(), s.target(), baseline,
                    config.judge().minSamples()));
            return false;
        }
        ApplyOutcome outcome = applier.apply(s, candidate.knobs(), before);
        if (outcome.succeeded()) {
            d.applied.add(s.id());
            String why = Explainer.chosen(s, candidates);
            d.decisions.add(why);
            baselineFrom.put(s.target(), outcome.entry().observeFrom());
            log.info("agent {}: {} [{}]", s.target(), why, s.id());
            return true;
        }
        OptimizationResult failed = ResultFactory.failed(s, outcome.failure(), Duration.ZERO, now);
        d.results.add(failed);
        d.decisions.add(failed.explanation());
        return false;
    }

    /**
     * Why a change of the strategy's agent cannot start now, if it cannot: a verdict is only as
     * strong as its thinner side, so the before side gets a whole observation window too, for an
     * agent's first change as well (measured from its oldest sample of the target metric).
     */
    private Optional<String> baselineMissing(OptimizationStrategy s, Instant now) {
        Instant settled = baselineFrom.get(s.target());
        String since = "since its last change settled";
        if (settled == null) {
            settled = store.oldest(s.target(), s.targetMetric()).orElse(now);
            since = "since its first sample";
        }
        Duration window = config.verification().window();
        if (!settled.isAfter(now.minus(window))) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "waiting for a full baseline on %s: %d of %d s observed %s",
                s.target(), Math.max(0, Duration.between(settled, now).toSeconds()), window.toSeconds(), since));
    }

    private Map<String, List<Double>> beforeSamples(OptimizationStrategy s, Instant now) {
        Instant since = latest(now.minus(config.verification().window()), baselineFrom.get(s.target()));
        Map<String, List<Double>> before = new LinkedHashMap<>();
        for (String metric : ChangeVerifier.judgedMetrics(s)) {
            double[] values = store.samples(s.target(), metric, since, now);
            before.put(metric, java.util.Arrays.stream(values).boxed().toList());
        }
        return before;
    }

    // ---- learn & report -------------------------------------------------------------------

    private void learn(CycleDraft d) {
        synchronized (outOfCycleResults) {
            d.results.addAll(0, outOfCycleResults);
            outOfCycleResults.clear();
        }
        for (OptimizationResult r : d.results) {
            if (r.verdict().judged()) {
                unlearned.addLast(Map.entry(r.strategy().actionKey(),
                        new io.perfopt.api.learning.LearningOutcome(r.verdict(), r.actualImprovement())));
            }
            autonomy.record(r.verdict());
            tally.add(r);
        }
        recordLearning(d);
        recommender.observe(d.results);
        synchronized (recentResults) {
            d.results.forEach(recentResults::addLast);
            while (recentResults.size() > config.resultsKept()) {
                recentResults.removeFirst();
            }
        }
    }

    /**
     * Hands the judged outcomes to the learning store, oldest first. An outcome the store cannot
     * take now (its database or cluster is down) waits for the next cycle rather than being lost;
     * only past {@value #UNLEARNED_KEPT} waiting outcomes are the oldest dropped, loudly.
     */
    private void recordLearning(CycleDraft d) {
        while (!unlearned.isEmpty()) {
            Map.Entry<io.perfopt.api.learning.ActionKey, io.perfopt.api.learning.LearningOutcome> next =
                    unlearned.peekFirst();
            try {
                learning.record(next.getKey(), next.getValue());
                unlearned.removeFirst();
            } catch (RuntimeException e) {
                d.errors.add("learning cannot be recorded now (" + unlearned.size() + " outcomes wait): " + e);
                log.warn("cycle {}: learning cannot be recorded now, {} outcomes wait: {}", d.cycle, unlearned.size(),
                        e.toString());
                break;
            }
        }
        while (unlearned.size() > UNLEARNED_KEPT) {
            Map.Entry<?, ?> dropped = unlearned.removeFirst();
            log.warn("learning outcome {} dropped: more than {} outcomes could not be recorded", dropped.getKey(),
                    UNLEARNED_KEPT);
        }
    }

    private CycleReport report(CycleDraft d) {
        List<Recommendation> recommendations = recommender.recommend(d.agents, d.bottlenecks, d.unplanned);
        approvals.expire(clock.instant()).forEach(w -> d.decisions.add("approval of " + w.id() + " expired"));
        d.errors.addAll(runner.drainFailures());
        String learningFailure = readLearning.drainFailure();
        if (learningFailure != null) {
            d.errors.add(learningFailure);
        }
        openBottlenecks = d.bottlenecks.stream().collect(Collectors.groupingBy(Bottleneck::component,
                Collectors.toUnmodifiableList()));
        CycleReport report = d.toReport(config.nodeId(), autonomy.level(), tally.report(), recommendations);
        synchronized (recentReports) {
            recentReports.addLast(report);
            while (recentReports.size() > Math.min(config.resultsKept(), 200)) {
                recentReports.removeFirst();
            }
        }
        for (ReportSink sink : sinks) {
            try {
                sink.publish(report);
            } catch (RuntimeException e) {
                log.warn("cycle {}: report sink {} failed: {}", report.cycle(), sink.getClass().getSimpleName(),
                        e.toString());
            }
        }
        log.debug("cycle {} done in {} ms: {} bottlenecks, {} strategies, {} applied, {} verdicts",
                report.cycle(), report.duration().toMillis(), report.bottlenecks().size(),
                report.strategies().size(), report.applied().size(), report.results().size());
        return report;
    }

    private void reject(OptimizationStrategy s, String reason, CycleDraft d) {
        OptimizationResult r = ResultFactory.unapplied(s, Verdict.REJECTED, "rejected " + Explainer.changes(s)
                + ": " + reason, clock.instant());
        d.results.add(r);
        d.decisions.add(r.explanation());
    }

    private static Instant latest(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    // ---- commands & views -----------------------------------------------------------------

    /** Carries out an orchestrator command. */
    public CommandDispatch commands() {
        return new CommandDispatch(this);
    }

    synchronized long cycleNumber() {
        return cycle;
    }

    ControlState control() {
        return control;
    }

    ApprovalQueue approvalQueue() {
        return approvals;
    }

    AgentDirectory directory() {
        return directory;
    }

    void recordOutOfCycle(OptimizationResult result) {
        synchronized (outOfCycleResults) {
            outOfCycleResults.add(result);
        }
    }

    Clock clock() {
        return clock;
    }

    /** This node's engine at a glance. */
    public EngineStatus status() {
        long c = cycleNumber();
        return new EngineStatus(config.nodeId(), c, lastCycleAt, control.paused(), autonomy.level(),
                autonomy.maxUnattendedRisk(control.aggressiveness()), control.aggressiveness(), control.describe(c),
                journal.open().stream().filter(e -> directory.owns(e.agentId())).map(JournalEntry::id).toList(),
                approvals.all().stream().map(ApprovalQueue.Waiting::id).toList());
    }

    /** The changes applied on this node's agents and awaiting their verdict (or their rollback). */
    public List<JournalEntry> changesInFlight() {
        return journal.open().stream().filter(e -> directory.owns(e.agentId())).toList();
    }

    /** Recent results, oldest first. */
    public List<OptimizationResult> recentResults() {
        synchronized (recentResults) {
            return List.copyOf(recentResults);
        }
    }

    /** Recent cycle reports, oldest first. */
    public List<CycleReport> recentReports() {
        synchronized (recentReports) {
            return List.copyOf(recentReports);
        }
    }

    /** The bottlenecks open after the last cycle, by component. */
    public Map<String, List<Bottleneck>> openBottlenecks() {
        return openBottlenecks;
    }

    /** Strategies waiting for approval, oldest first. */
    public List<ApprovalQueue.Waiting> approvals() {
        return approvals.all();
    }

    /** The health of every plugin seen. */
    public Map<String, PluginHealth> pluginHealth() {
        return runner.health();
    }

    /** Enables a plugin again (after it was disabled by failures or by command). */
    public void enablePlugin(String pluginId) {
        runner.enable(pluginId);
    }

    /** Disables a plugin. */
    public void disablePlugin(String pluginId, String reason) {
        runner.disable(pluginId, reason);
    }

    /** Forgets a plugin instance that was unloaded. */
    public void forgetPlugin(io.perfopt.api.spi.OptimizerPlugin plugin) {
        runner.forget(plugin);
    }

    /** The thresholds, global and per agent; overrides may be set at run time. */
    public ThresholdPolicy thresholds() {
        return thresholds;
    }

    /** The metric windows the integration feeds. */
    public MetricStore metrics() {
        return store;
    }

    /** What was learned. */
    public LearningStore learning() {
        return learning;
    }

    /** The current autonomy level. */
    public double autonomyLevel() {
        return autonomy.level();
    }

    public EngineConfig config() {
        return config;
    }

    /** Forgets an agent's detection and forecast state (it left, or another node owns it now). */
    public void forgetAgent(String agentId) {
        detector.forget(agentId);
        forecaster.forget(agentId);
        baselineFrom.remove(agentId);
    }

    @Override
    public void close() {
        partitions.close();
        runner.close();
    }
}

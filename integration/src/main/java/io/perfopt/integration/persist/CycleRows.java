package io.perfopt.integration.persist;

import io.perfopt.api.knob.KnobChange;
import io.perfopt.api.metric.MetricSummary;
import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.optimization.OptimizationResult;
import io.perfopt.api.optimization.OptimizationStrategy;
import io.perfopt.api.optimization.Verdict;
import io.perfopt.integration.api.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a cycle report into the rows of the history tables ({@code V1__perfopt_schema.sql}).
 * Identifiers and free text are cut to their column's length here, so that the database never
 * refuses a report for one long sentence.
 */
public final class CycleRows {

    private static final int NODE = 128;
    private static final int AGENT = 256;
    private static final int NAME = 256;
    private static final int PLUGIN = 128;
    private static final int ACTION = 512;
    private static final int TEXT = 10_000;

    private final boolean keepNoEffect;

    /** @param keepNoEffect whether a change without significant effect stays applied ({@code perfopt.judge.keep-no-effect}) */
    public CycleRows(boolean keepNoEffect) {
        this.keepNoEffect = keepNoEffect;
    }

    /** The rows of one report and the metric snapshot taken when it was published. */
    public StoredCycle of(CycleReport report, MetricSnapshots.Snapshot snapshot) {
        String key = CycleKey.of(report);
        return new StoredCycle(key, cycle(key, report), bottlenecks(key, report), strategies(key, report),
                results(key, report), knobChanges(key, report), knobVerdicts(key, report), snapshots(key, snapshot));
    }

    private static Map<String, Object> cycle(String key, CycleReport r) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", key);
        row.put("nodeId", SqlValues.clip(r.nodeId(), NODE));
        row.put("cycle", r.cycle());
        row.put("startedAt", SqlValues.timestamp(r.startedAt()));
        row.put("finishedAt", SqlValues.timestamp(r.finishedAt()));
        row.put("durationMs", r.duration().toNanos() / 1e6);
        row.put("systemScore", r.systemScore());
        row.put("autonomyLevel", r.autonomyLevel());
        row.put("agentCount", r.agents().size());
        row.put("bottleneckCount", r.bottlenecks().size());
        row.put("strategyCount", r.strategies().size());
        row.put("appliedCount", r.applied().size());
        row.put("awaitingApprovalCount", r.awaitingApproval().size());
        row.put("resultCount", r.results().size());
        row.put("errorCount", r.errors().size());
        row.put("reportJson", Json.write(r));
        return row;
    }

    private static List<Map<String, Object>> bottlenecks(String key, CycleReport r) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Bottleneck b : r.bottlenecks()) {
            Map<String, Object> row = new HashMap<>();
            row.put("cycleId", key);
            row.put("seq", rows.size());
            row.put("agentId", SqlValues.clip(b.component(), AGENT));
            row.put("type", b.type().name());
            row.put("severity", b.severity().name());
            row.put("metric", SqlValues.clip(b.metric(), NAME));
            row.put("origin", b.origin().name());
            row.put("impact", b.impact());
            row.put("description", SqlValues.clip(b.description(), TEXT));
            row.put("suggestedFix", SqlValues.clip(b.suggestedFix(), TEXT));
            row.put("evidenceJson", SqlValues.clip(Json.write(new java.util.TreeMap<>(b.evidence())), TEXT));
            row.put("detectedAt", SqlValues.timestamp(b.detectedAt()));
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> strategies(String key, CycleReport r) {
        Set<String> applied = new HashSet<>(r.applied());
        Set<String> waiting = new HashSet<>(r.awaitingApproval());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OptimizationStrategy s : r.strategies()) {
            Map<String, Object> row = new HashMap<>();
            row.put("cycleId", key);
            row.put("seq", rows.size());
            strategyColumns(s, row);
            row.put("origin", s.origin().name());
            row.put("priority", s.priority().name());
            row.put("description", SqlValues.clip(s.description(), TEXT));
            row.put("expectedImprovement", s.expectedImprovement());
            row.put("implementationTimeMs", s.implementationTime().toNanos() / 1e6);
            row.put("risk", s.risk());
            row.put("actionKey", SqlValues.clip(s.actionKey().asText(), ACTION));
            row.put("applied", applied.contains(s.id()));
            row.put("awaitingApproval", waiting.contains(s.id()));
            rows.add(row);
        }
        return rows;
    }

    private List<Map<String, Object>> results(String key, CycleReport r) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OptimizationResult result : r.results()) {
            Map<String, Object> row = new HashMap<>();
            row.put("cycleId", key);
            row.put("seq", rows.size());
            strategyColumns(result.strategy(), row);
            row.put("verdict", result.verdict().name());
            row.put("kept", kept(result.verdict()));
            window("before", result.before(), row);
            window("after", result.after(), row);
            row.put("actualImprovement", result.actualImprovement());
            row.put("pValue", result.pValue());
            row.put("hlShift", result.shift() == null ? null : result.shift().shift());
            row.put("hlLower", result.shift() == null ? null : result.shift().lower());
            row.put("hlUpper", result.shift() == null ? null : result.shift().upper());
            row.put("hlConfidence", result.shift() == null ? null : result.shift().confidence());
            row.put("executionTimeMs", result.executionTime().toNanos() / 1e6);
            row.put("issuesJson", SqlValues.clip(Json.write(result.issues()), TEXT));
            row.put("explanation", SqlValues.clip(result.explanation(), TEXT));
            row.put("decidedAt", SqlValues.timestamp(result.timestamp()));
            rows.add(row);
        }
        return rows;
    }

    /** The columns results share with strategies: who proposed what for which agent. */
    private static void strategyColumns(OptimizationStrategy s, Map<String, Object> row) {
        row.put("strategyId", SqlValues.clip(s.id(), NAME));
        row.put("agentId", SqlValues.clip(s.target(), AGENT));
        row.put("pluginId", SqlValues.clip(s.pluginId(), PLUGIN));
        row.put("type", s.type().name());
        row.put("targetMetric", SqlValues.clip(s.targetMetric(), NAME));
        List<Map<String, Object>> changes = new ArrayList<>();
        for (KnobChange c : s.changes()) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("knob", c.knob());
            change.put("from", c.from());
            change.put("to", c.to());
            changes.add(change);
        }
        row.put("changesJson", SqlValues.clip(Json.write(changes), TEXT));
    }

    private static void window(String side, MetricSummary s, Map<String, Object> row) {
        row.put(side + "Count", s == null ? null : s.count());
        row.put(side + "Mean", s == null ? null : s.mean());
        row.put(side + "P50", s == null ? null : s.p50());
        row.put(side + "P95", s == null ? null : s.p95());
        row.put(side + "P99", s == null ? null : s.p99());
    }

    private static List<Map<String, Object>> knobChanges(String key, CycleReport r) {
        Set<String> applied = new HashSet<>(r.applied());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OptimizationStrategy s : r.strategies()) {
            if (!applied.contains(s.id())) {
                continue;
            }
            for (KnobChange c : s.changes()) {
                Map<String, Object> row = new HashMap<>();
                row.put("cycleId", key);
                row.put("strategyId", SqlValues.clip(s.id(), NAME));
                row.put("agentId", SqlValues.clip(s.target(), AGENT));
                row.put("knob", SqlValues.clip(c.knob(), NAME));
                row.put("fromValue", c.from());
                row.put("toValue", c.to());
                // the report says which cycle applied a change, not the instant: its end stands in
                row.put("appliedAt", SqlValues.timestamp(r.finishedAt()));
                row.put("outcome", "applied");
                rows.add(row);
            }
        }
        return rows;
    }

    private List<Map<String, Object>> knobVerdicts(String key, CycleReport r) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OptimizationResult result : r.results()) {
            if (!result.verdict().executed()) {
                continue; // awaiting approval or rejected: nothing was changed
            }
            Map<String, Object> row = new HashMap<>();
            row.put("strategyId", SqlValues.clip(result.strategy().id(), NAME));
            row.put("agentId", SqlValues.clip(result.strategy().target(), AGENT));
            row.put("outcome", kept(result.verdict()) ? "kept" : "rolled-back");
            row.put("verdict", result.verdict().name());
            row.put("decidedAt", SqlValues.timestamp(result.timestamp()));
            row.put("decidedCycleId", key);
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> snapshots(String key, MetricSnapshots.Snapshot snapshot) {
        List<Map<String, Object>> rows = new ArrayList<>();
        snapshot.byAgent().forEach((agent, summaries) -> {
            for (MetricSummary s : summaries) {
                Map<String, Object> row = new HashMap<>();
                row.put("cycleId", key);
                row.put("agentId", SqlValues.clip(agent, AGENT));
                row.put("metric", SqlValues.clip(s.metric(), NAME));
                row.put("windowFrom", SqlValues.timestamp(snapshot.from()));
                row.put("windowTo", SqlValues.timestamp(snapshot.to()));
                row.put("sampleCount", s.count());
                row.put("mean", s.mean());
                row.put("minValue", s.min());
                row.put("p50", s.p50());
                row.put("p95", s.p95());
                row.put("p99", s.p99());
                row.put("maxValue", s.max());
                rows.add(row);
            }
        });
        return rows;
    }

    private boolean kept(Verdict verdict) {
        return verdict.kept() || (verdict == Verdict.NO_EFFECT && keepNoEffect);
    }
}

package io.perfopt.engine.cycle;

import io.perfopt.engine.autonomy.AutonomyConfig;
import io.perfopt.engine.detect.DetectionConfig;
import io.perfopt.engine.detect.Thresholds;
import io.perfopt.engine.execute.VerificationConfig;
import io.perfopt.engine.forecast.ForecastConfig;
import io.perfopt.engine.judge.JudgeConfig;
import io.perfopt.engine.window.WindowConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the loop can be tuned by; build with {@link #builder()}, every option has the
 * default shown in its setter.
 */
public record EngineConfig(String nodeId, WindowConfig window, DetectionConfig detection, Thresholds thresholds,
                           ForecastConfig forecast, JudgeConfig judge, VerificationConfig verification,
                           AutonomyConfig autonomy, Duration staleAfter, Duration detectionWindow,
                           Duration pluginTimeout, int pluginFailureLimit, Duration approvalExpiry,
                           int maxChangesPerCycle, long seed, int resultsKept, int detectionThreads) {

    public EngineConfig {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(forecast, "forecast");
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(autonomy, "autonomy");
        positive("staleAfter", staleAfter);
        positive("detectionWindow", detectionWindow);
        positive("pluginTimeout", pluginTimeout);
        positive("approvalExpiry", approvalExpiry);
        if (pluginFailureLimit < 1) {
            throw new IllegalArgumentException("pluginFailureLimit must be >= 1, got " + pluginFailureLimit);
        }
        if (maxChangesPerCycle < 0) {
            throw new IllegalArgumentException("maxChangesPerCycle must be >= 0 (0: no limit), got "
                    + maxChangesPerCycle);
        }
        if (resultsKept < 1) {
            throw new IllegalArgumentException("resultsKept must be >= 1, got " + resultsKept);
        }
        if (detectionThreads < 1) {
            throw new IllegalArgumentException("detectionThreads must be >= 1, got " + detectionThreads);
        }
        if (window.maxAge().compareTo(verification.settle().plus(verification.window()).plus(verification.grace())) < 0) {
            throw new IllegalArgumentException("window maxAge " + window.maxAge() + " must cover settle + window + grace "
                    + "of the verification, or changes cannot be judged");
        }
    }

    public static EngineConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.nodeId = nodeId;
        b.window = window;
        b.detection = detection;
        b.thresholds = thresholds;
        b.forecast = forecast;
        b.judge = judge;
        b.verification = verification;
        b.autonomy = autonomy;
        b.staleAfter = staleAfter;
        b.detectionWindow = detectionWindow;
        b.pluginTimeout = pluginTimeout;
        b.pluginFailureLimit = pluginFailureLimit;
        b.approvalExpiry = approvalExpiry;
        b.maxChangesPerCycle = maxChangesPerCycle;
        b.seed = seed;
        b.resultsKept = resultsKept;
        b.detectionThreads = detectionThreads;
        return b;
    }

    private static void positive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }

    /** Builds an {@link EngineConfig}. */
    public static final class Builder {
        private String nodeId = "node-1";
        private WindowConfig window = WindowConfig.defaults();
        private DetectionConfig detection = DetectionConfig.defaults();
        private Thresholds thresholds = Thresholds.defaults();
        private ForecastConfig forecast = ForecastConfig.defaults();
        private JudgeConfig judge = JudgeConfig.defaults();
        private VerificationConfig verification = VerificationConfig.defaults();
        private AutonomyConfig autonomy = AutonomyConfig.defaults();
        private Duration staleAfter = Duration.ofMinutes(2);
        private Duration detectionWindow = Duration.ofMinutes(2);
        private Duration pluginTimeout = Duration.ofSeconds(2);
        private int pluginFailureLimit = 3;
        private Duration approvalExpiry = Duration.ofHours(1);
        private int maxChangesPerCycle = 0;
        private long seed = 42;
        private int resultsKept = 1000;
        private int detectionThreads = Math.min(4, Runtime.getRuntime().availableProcessors());

        /** This node's name in reports and the cluster ("node-1"). */
        public Builder nodeId(String value) {
            nodeId = value;
            return this;
        }

        /** Metric history kept per agent and metric (10 min, 10,000 samples). */
        public Builder window(WindowConfig value) {
            window = value;
            return this;
        }

        /** Debouncing of detection (raise after 2, clear after 2, 10 % hysteresis, p95). */
        public Builder detection(DetectionConfig value) {
            detection = value;
            return this;
        }

        /** Global thresholds (the seed's: 2000 ms, 70 %, 60 %, 75 %). */
        public Builder thresholds(Thresholds value) {
            thresholds = value;
            return this;
        }

        /** Trend forecasting (Holt 0.5/0.3, 5 observations, 10 min horizon). */
        public Builder forecast(ForecastConfig value) {
            forecast = value;
            return this;
        }

        /** The statistical judge (α 0.05, 8 samples, 5 % tolerance). */
        public Builder judge(JudgeConfig value) {
            judge = value;
            return this;
        }

        /** Verification timing (settle 10 s, window 60 s, grace 60 s). */
        public Builder verification(VerificationConfig value) {
            verification = value;
            return this;
        }

        /** Autonomy bounds (0.80..0.95 over the last 20 judged changes). */
        public Builder autonomy(AutonomyConfig value) {
            autonomy = value;
            return this;
        }

        /** An agent without metrics for this long is stale and never acted on (2 min). */
        public Builder staleAfter(Duration value) {
            staleAfter = value;
            return this;
        }

        /** The span of recent samples detection looks at (2 min). */
        public Builder detectionWindow(Duration value) {
            detectionWindow = value;
            return this;
        }

        /** Time limit of one call into a plugin (2 s). */
        public Builder pluginTimeout(Duration value) {
            pluginTimeout = value;
            return this;
        }

        /** Consecutive failures after which a plugin is disabled (3). */
        public Builder pluginFailureLimit(int value) {
            pluginFailureLimit = value;
            return this;
        }

        /** How long a strategy waits for approval before it is dropped (1 h). */
        public Builder approvalExpiry(Duration value) {
            approvalExpiry = value;
            return this;
        }

        /** Changes started per cycle across all agents, 0 for no limit beyond one per agent (0). */
        public Builder maxChangesPerCycle(int value) {
            maxChangesPerCycle = value;
            return this;
        }

        /** Seed of the Thompson sampler, so runs are reproducible (42). */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** Results and reports kept in memory for the API (1000). */
        public Builder resultsKept(int value) {
            resultsKept = value;
            return this;
        }

        /**
         * Threads that detect and forecast, the cycle's own included; fleets under a few hundred
         * agents use one whatever this says (the cores, at most 4).
         */
        public Builder detectionThreads(int value) {
            detectionThreads = value;
            return this;
        }

        public EngineConfig build() {
            return new EngineConfig(nodeId, window, detection, thresholds, forecast, judge, verification, autonomy,
                    staleAfter, detectionWindow, pluginTimeout, pluginFailureLimit, approvalExpiry,
                    maxChangesPerCycle, seed, resultsKept, detectionThreads);
        }
    }
}

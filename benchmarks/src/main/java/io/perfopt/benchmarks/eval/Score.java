package io.perfopt.benchmarks.eval;


import java.util.List;


/**
 * How one method did on one fleet, judged against the truth of the surfaces.
 *
 * <ul>
 *   <li>gap: (true objective − optimum) / optimum of the configuration in force after the agent's
 *       first k changes, at that moment, averaged over the fleet's agents; an agent that made
 *       fewer than k changes counts with where it stopped;</li>
 *   <li>harmful kept: kept changes whose true objective was worse than before by more than
 *       {@link #NOISE} at the decision;</li>
 *   <li>needless rollbacks: changes sent back although they were truly better by more than
 *       {@link #NOISE};</li>
 *   <li>no-op kept: kept changes that moved the knob that does nothing.</li>
 * </ul>
 *
 * {@link #NOISE} is 2 %: about three standard errors of a 60 s window's mean response time
 * (1,200 requests with a 25 % coefficient of variation), so a true difference beyond it is one a
 * fair measurement can see.
 */
public record Score(String method, long seed, double gapAtStart, double gap4, double gap8, double gap16,
                    int harmfulKept, int needlessRollbacks, int needlessBeyondTolerance, int noOpKept, int kept,
                    int changes, int fewestChanges, String note) {

    public static final double NOISE = 0.02;
    /** perfopt's judge tolerance: an effect smaller than this is rolled back by design. */
    public static final double TOLERANCE = 0.05;

    public static Score of(MethodRun run) {
        List<String> agents = List.copyOf(run.starts().keySet());
        int harmful = 0;
        int needless = 0;
        int needlessBig = 0;
        int noOp = 0;
        int kept = 0;
        int changes = 0;
        int fewest = Integer.MAX_VALUE;
        for (String agent : agents) {
            List<ChangeRecord> own = run.changes().getOrDefault(agent, List.of());
            changes += own.size();
            fewest = Math.min(fewest, own.size());
            for (ChangeRecord c : own) {
                double before = SurfaceTruth.objective(agent, c.before(), c.at());
                double candidate = SurfaceTruth.objective(agent, c.candidate(), c.at());
                if (c.kept()) {
                    kept++;
                    if (candidate > before * (1 + NOISE)) {
                        harmful++;
                    }
                    if (c.candidate().differingFrom(c.before()).contains(Config.NO_OP)) {
                        noOp++;
                    }
                } else if (candidate < before * (1 - NOISE)) {
                    needless++;
                    if (candidate < before * (1 - TOLERANCE)) {
                        needlessBig++;
                    }
                }
            }
        }
        return new Score(run.method(), run.seed(), meanGap(run, agents, 0), meanGap(run, agents, 4),
                meanGap(run, agents, 8), meanGap(run, agents, 16), harmful, needless, needlessBig, noOp,
                kept, changes, fewest, run.note());
    }

    private static double meanGap(MethodRun run, List<String> agents, int k) {
        double sum = 0;
        for (String agent : agents) {
            if (k == 0) {
                sum += SurfaceTruth.gap(agent, run.starts().get(agent), SurfaceTruth.EPOCH);
            } else {
                MethodRun.Deployed d = run.afterChanges(agent, k);
                sum += SurfaceTruth.gap(agent, d.config(), d.at());
            }
        }
        return sum / agents.size();
    }
}

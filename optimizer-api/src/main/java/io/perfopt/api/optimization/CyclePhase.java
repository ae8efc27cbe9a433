package io.perfopt.api.optimization;

/** The phases of one optimization cycle, in order. */
public enum CyclePhase {
    COLLECT, JUDGE, DETECT, FORECAST, PLAN, EXECUTE, LEARN, REPORT
}

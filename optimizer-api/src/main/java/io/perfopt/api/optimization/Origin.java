package io.perfopt.api.optimization;

/** Whether a bottleneck was observed, or forecast from a trend before it happened. */
public enum Origin {
    /** Observed now: a threshold is crossed. */
    REACTIVE,
    /** Forecast: a trend will cross a threshold within the forecast horizon. */
    PROACTIVE
}

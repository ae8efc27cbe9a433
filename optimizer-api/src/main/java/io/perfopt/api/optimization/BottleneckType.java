package io.perfopt.api.optimization;

/**
 * The kinds of bottleneck perfopt detects, each with the metric that shows it. Plugins declare
 * the types they handle.
 */
public enum BottleneckType {
    /** Responses slower than the threshold (p95 of {@code responseTimeMs}). */
    RESPONSE_TIME("responseTimeMs"),
    /** Too many failed decisions ({@code successRate}). */
    SUCCESS_RATE("successRate"),
    /** Agents that work badly together ({@code coordinationScore}). */
    COORDINATION("coordinationScore"),
    /** The fleet's overall health score is low; the component is {@code system}. */
    SYSTEM_SCORE("systemScore"),
    /** Resources should be given back: raised by the reduce-resources command or a resource signal. */
    RESOURCE_PRESSURE("memory");

    private final String metric;

    BottleneckType(String metric) {
        this.metric = metric;
    }

    /** The metric that shows this bottleneck and that a fix for it is judged on by default. */
    public String metric() {
        return metric;
    }
}

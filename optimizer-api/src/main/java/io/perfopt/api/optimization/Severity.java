package io.perfopt.api.optimization;

/** How urgent a bottleneck is; strategies inherit it as their priority. Declared from least to most severe. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}

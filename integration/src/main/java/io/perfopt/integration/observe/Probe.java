package io.perfopt.integration.observe;

/**
 * A hook that tells whether something this node depends on works right now (the database, the
 * cluster). It is called on every {@code /health} request, so it should answer in milliseconds;
 * an exception counts as down, with the exception as the reason.
 */
@FunctionalInterface
public interface Probe {

    ProbeResult probe() throws Exception;
}

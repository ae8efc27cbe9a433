package io.perfopt.integration.observe;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * A readiness check that asks a {@link Probe} hook: {@code perfopt-database} and
 * {@code perfopt-cluster}. While the hook is unset the check is UP with {@code skipped: true}
 * and says why (no database configured; a single node is its own cluster).
 */
final class ProbeCheck extends AbstractHealthCheck {

    private final Supplier<Optional<Probe>> hook;
    private final String whenAbsent;

    ProbeCheck(String id, Supplier<Optional<Probe>> hook, String whenAbsent) {
        super("perfopt", id);
        this.hook = hook;
        this.whenAbsent = whenAbsent;
    }

    @Override
    public boolean isLiveness() {
        // a dependency being down makes the node unready, never a reason to restart it
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Optional<Probe> probe = hook.get();
        if (probe.isEmpty()) {
            builder.up().message(whenAbsent).detail("skipped", true);
            return;
        }
        ProbeResult result;
        try {
            result = probe.get().probe();
        } catch (Exception e) {
            builder.down().message(getId() + " probe failed: " + e).error(e);
            return;
        }
        if (result == null) {
            builder.down().message(getId() + " probe answered nothing");
            return;
        }
        builder.state(result.up() ? org.apache.camel.health.HealthCheck.State.UP
                : org.apache.camel.health.HealthCheck.State.DOWN).message(result.message());
        result.details().forEach(builder::detail);
    }
}

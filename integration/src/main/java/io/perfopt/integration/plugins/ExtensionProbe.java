package io.perfopt.integration.plugins;

import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.spi.OptimizerPlugin;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks a freshly started extension who it is ({@code id()}, {@code handles()}) on a worker
 * thread under a time limit, so that a plugin that hangs or throws already there is refused at
 * load instead of stalling the host, and so that listings never call plugin code again.
 */
final class ExtensionProbe implements AutoCloseable {

    private final Duration timeout;
    private final ExecutorService workers;

    ExtensionProbe(Duration timeout) {
        this.timeout = timeout;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "perfopt-plugin-probe-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The extension's identity; throws {@link ProbeFailure} saying what went wrong. */
    HostedExtension identify(OptimizerPlugin extension) throws ProbeFailure {
        String className = extension.getClass().getName();
        Future<HostedExtension> answer = workers.submit(() -> {
            String id = extension.id();
            Set<BottleneckType> handles = extension.handles();
            return new HostedExtension(extension, className, id, handles == null ? null : Set.copyOf(handles));
        });
        HostedExtension identity;
        try {
            identity = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new ProbeFailure(className + " did not tell its id within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new ProbeFailure(className + " threw " + e.getCause() + " when asked for its id or handled types");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeFailure("interrupted while asking " + className + " for its id");
        }
        if (identity.id() == null || identity.id().isBlank() || identity.id().contains("|")) {
            throw new ProbeFailure(className + " has an unusable id \"" + identity.id()
                    + "\" (it must not be blank nor contain '|')");
        }
        if (identity.handles() == null || identity.handles().isEmpty()) {
            throw new ProbeFailure(className + " (" + identity.id() + ") handles no bottleneck type");
        }
        return identity;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** Why an extension was refused. */
    static final class ProbeFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ProbeFailure(String message) {
            super(message, null, false, false);
        }
    }
}

package io.perfopt.integration.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns SIGTERM and Ctrl-C (SIGINT) into an orderly stop: routes stopped, cluster left,
 * database closed, and the process exits 0, as service managers expect of a clean stop. The
 * JVM's default would run the shutdown hooks and exit 143 or 130.
 */
final class StopSignals {

    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals() {
    }

    /** Calls {@code stop} when the process is asked to terminate; where signals cannot be handled, does nothing. */
    static void onTerminate(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    log.info("SIG{} received: stopping", name);
                    stop.run();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // e.g. a platform without that signal: the shutdown hook still closes perfopt
                log.debug("cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
    }
}

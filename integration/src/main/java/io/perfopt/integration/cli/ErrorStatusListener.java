package io.perfopt.integration.cli;

import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.LifeCycle;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.util.StatusPrinter;

/**
 * Prints logback's own errors (a broken {@code conf/logback.xml}) on stderr, and nothing else.
 * logback's {@code OnErrorConsoleStatusListener} replays every status of its first 300 ms when
 * it starts, whatever the level, so each command began with some fifty lines of logback
 * talking about itself.
 */
public final class ErrorStatusListener extends ContextAwareBase implements StatusListener, LifeCycle {

    private volatile boolean started;

    @Override
    public void addStatusEvent(Status status) {
        if (started && status.getEffectiveLevel() >= Status.ERROR) {
            StringBuilder text = new StringBuilder();
            StatusPrinter.buildStr(text, "", status);
            System.err.print(text);
        }
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public void stop() {
        started = false;
    }

    @Override
    public boolean isStarted() {
        return started;
    }
}

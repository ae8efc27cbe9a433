package io.perfopt.engine.report;

import io.perfopt.api.optimization.CycleReport;

/**
 * Port: where cycle reports go (the orchestrator, the database, the console). A sink must not
 * throw for a delivery problem it can retry later (the orchestrator sink keeps an outbox); an
 * exception is logged and does not stop the cycle or the other sinks.
 */
@FunctionalInterface
public interface ReportSink {

    void publish(CycleReport report);
}

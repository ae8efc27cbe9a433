package io.perfopt.integration.collect;

import io.perfopt.api.optimization.CycleReport;
import io.perfopt.engine.cycle.OptimizationLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The cycle route's bean: runs one cycle and logs a line; a failing cycle is logged, never fatal to the route. */
public final class CycleRunner {

    private static final Logger log = LoggerFactory.getLogger(CycleRunner.class);

    private final OptimizationLoop loop;

    public CycleRunner(OptimizationLoop loop) {
        this.loop = loop;
    }

    public void run() {
        try {
            CycleReport report = loop.runCycle();
            log.debug("cycle {}: {} bottlenecks, {} applied, {} verdicts in {} ms", report.cycle(),
                    report.bottlenecks().size(), report.applied().size(), report.results().size(),
                    report.duration().toMillis());
        } catch (RuntimeException e) {
            log.error("cycle failed; the next one runs as scheduled", e);
        }
    }
}

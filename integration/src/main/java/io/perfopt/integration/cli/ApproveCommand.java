package io.perfopt.integration.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code perfopt approve ID}: lets a waiting strategy run in the next cycle. */
@Command(name = "approve", description = "Approves a strategy waiting for approval; it runs in the next cycle.")
final class ApproveCommand extends CommandAnswer {

    @Parameters(index = "0", paramLabel = "ID", description = "the strategy's id, as perfopt approvals shows it")
    String strategyId;

    @Override
    Map<String, Object> command() {
        return Map.of("command", "approve", "strategyId", strategyId);
    }
}

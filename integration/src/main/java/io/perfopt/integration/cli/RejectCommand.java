package io.perfopt.integration.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code perfopt reject ID [--reason TEXT]}: drops a waiting strategy; nothing is changed. */
@Command(name = "reject", description = "Rejects a strategy waiting for approval; nothing is changed on the agent.")
final class RejectCommand extends CommandAnswer {

    @Parameters(index = "0", paramLabel = "ID", description = "the strategy's id, as perfopt approvals shows it")
    String strategyId;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why, for the audit log and the report")
    String reason;

    @Override
    Map<String, Object> command() {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("command", "reject");
        command.put("strategyId", strategyId);
        if (reason != null) {
            command.put("reason", reason);
        }
        return command;
    }
}

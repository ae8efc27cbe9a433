package io.perfopt.integration.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code perfopt command NAME [key=value ...]}: any orchestrator command, e.g.
 * {@code perfopt command focus-agent agentId=market-hunter cycles=10} sends
 * {@code {"command": "focus-agent", "agentId": "market-hunter", "cycles": 10}}.
 */
@Command(name = "command",
        description = "Sends an orchestrator command: optimize-now, focus-agent, clear-focus, aggressiveness-up, "
                + "aggressiveness-down, reduce-resources, pause, resume, approve, reject.",
        footer = {"%nExamples:",
            "  perfopt command pause",
            "  perfopt command focus-agent agentId=market-hunter cycles=10",
            "  perfopt command reduce-resources cycles=5"})
final class SendCommand extends CommandAnswer {

    @Parameters(index = "0", paramLabel = "NAME", description = "the command")
    String name;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE",
            description = "the command's fields; a value that is a number is sent as a number")
    List<String> fields = new ArrayList<>();

    @Override
    Map<String, Object> command() {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("command", name);
        for (String field : fields) {
            int eq = field.indexOf('=');
            if (eq <= 0) {
                throw usage("a command field is key=value, got \"" + field + "\"");
            }
            String key = field.substring(0, eq);
            if (command.containsKey(key)) {
                throw usage("field " + key + " is given twice");
            }
            command.put(key, value(field.substring(eq + 1)));
        }
        return command;
    }

    /** A number when the text is one (10, -2, 0.5), else the text. */
    static Object value(String text) {
        if (!text.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            return text;
        }
        BigDecimal number = new BigDecimal(text);
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            return number.doubleValue();
        }
    }
}

package io.perfopt.integration.cli.check;

import io.perfopt.integration.agents.AgentsFile;
import io.perfopt.integration.cli.ExitCode;
import io.perfopt.integration.cli.PerfoptCli;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code perfopt config}: the installation's configuration. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Works with the installation's configuration (conf/).",
        subcommands = ConfigCommand.Check.class)
public final class ConfigCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("perfopt config: name what to do: check");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /** {@code perfopt config check}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Checks conf/perfopt.properties, the agents file and the YAML routes without starting "
                    + "anything: one OK line per file, or each problem as file:line:column: field: message."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the configuration is valid", "2:usage error", "3:the configuration has problems"})
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PerfoptCli.quietConsole();
            PerfoptCli root = (PerfoptCli) spec.root().userObject();
            List<CheckedFile> checked = new ConfigCheck(root.home(), AgentsFile.withSystemEnvironment()).run();
            PrintWriter out = spec.commandLine().getOut();
            int problems = 0;
            for (CheckedFile file : checked) {
                if (file.ok()) {
                    out.println(file.file() + ": OK (" + file.summary() + ")");
                } else {
                    file.problems().forEach(out::println);
                    problems += file.problems().size();
                }
            }
            out.flush();
            if (problems == 0) {
                return ExitCode.OK;
            }
            long files = checked.stream().filter(f -> !f.ok()).count();
            PrintWriter err = spec.commandLine().getErr();
            err.println("perfopt config check: " + problems + (problems == 1 ? " problem" : " problems") + " in "
                    + files + (files == 1 ? " file" : " files") + "; fix them before perfopt run");
            err.flush();
            return ExitCode.CONFIG_ERROR;
        }
    }
}

package io.perfopt.integration.app;

import io.perfopt.integration.cli.PerfoptCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code perfopt} command line run in-process, as {@code bin/perfopt} would run it, with its
 * output and error output captured.
 *
 * @param exitCode what it exited with
 * @param out      its standard output
 * @param err      its error output
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PerfoptCli().withEnvironment(environment::get));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun of(String... args) {
        return of(Map.of(), args);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}

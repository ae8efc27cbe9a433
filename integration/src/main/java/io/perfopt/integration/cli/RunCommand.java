package io.perfopt.integration.cli;

import io.perfopt.integration.app.PerfoptApplication;
import io.perfopt.integration.app.PerfoptSettings;
import io.perfopt.integration.agents.ConfigException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code perfopt run}: the service, until it is stopped (SIGTERM or Ctrl-C). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs perfopt with conf/perfopt.properties and conf/agents.yaml until stopped.")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    PerfoptCli parent;

    @Override
    public Integer call() throws Exception {
        PerfoptSettings settings;
        try {
            settings = PerfoptSettings.load(parent.home().resolve("conf/perfopt.properties"), Map.of());
        } catch (PerfoptSettings.SettingsException e) {
            System.err.println("perfopt: " + e.getMessage());
            return PerfoptCli.CONFIG_ERROR;
        }
        return Lifecycle.runUntilStopped(() -> PerfoptApplication.builder().home(parent.home()).settings(settings)
                .build().start(), null);
    }

    /** Shared by run and demo: start, wait for a stop signal or a deadline, stop cleanly. */
    static final class Lifecycle {

        private Lifecycle() {
        }

        interface Starter {
            PerfoptApplication start() throws Exception;
        }

        static int runUntilStopped(Starter starter, java.time.Duration duration) throws InterruptedException {
            PerfoptApplication app;
            try {
                app = starter.start();
            } catch (ConfigException | PerfoptSettings.SettingsException e) {
                System.err.println("perfopt: configuration error:\n" + e.getMessage());
                return PerfoptCli.CONFIG_ERROR;
            } catch (Exception e) {
                System.err.println("perfopt: could not start: " + e.getMessage());
                return 1;
            }
            CountDownLatch stop = new CountDownLatch(1);
            StopSignals.onTerminate(stop::countDown);
            // any other way out (System.exit elsewhere, a fatal error) still closes perfopt
            Thread hook = new Thread(app::close, "perfopt-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            if (duration == null) {
                stop.await();
            } else {
                stop.await(duration.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            Runtime.getRuntime().removeShutdownHook(hook);
            app.close();
            return 0;
        }
    }
}

package io.perfopt.benchmarks.report;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/** The machine a result comes from, in one line for docs/BENCHMARKS.md. */
public final class Machine {

    private Machine() {
    }

    /**
     * e.g. "2 cores, 23.5 GiB, OpenJDK 17.0.15 (max heap 2.0 GiB), Linux 6.1, 2026-11-25, load 1.2".
     * The load average (one minute, at the start) says how busy the machine was with other work.
     */
    public static String describe() {
        long memory = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return String.format(Locale.ROOT, "%d cores, %.1f GiB, %s %s (max heap %.1f GiB), %s %s, %s, load %.1f",
                Runtime.getRuntime().availableProcessors(), memory / 1024.0 / 1024 / 1024,
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / 1024.0 / 1024 / 1024, System.getProperty("os.name"),
                System.getProperty("os.version"), LocalDate.now(ZoneOffset.UTC),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}

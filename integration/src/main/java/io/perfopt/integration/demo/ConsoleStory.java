package io.perfopt.integration.demo;

import io.perfopt.api.optimization.Bottleneck;
import io.perfopt.api.optimization.CycleReport;
import io.perfopt.api.optimization.ImpactReport;
import io.perfopt.api.optimization.OptimizationResult;
import io.perfopt.api.optimization.Origin;
import io.perfopt.api.optimization.Recommendation;
import io.perfopt.engine.report.ReportSink;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Tells each cycle's story on the console, the way a person watching wants it: new bottlenecks,
 * the change chosen and why, verdicts with their numbers, and the impact so far. Quiet cycles
 * print one line.
 */
public final class ConsoleStory implements ReportSink {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final PrintStream out;
    private final Set<String> announced = new HashSet<>();
    private final Set<String> recommended = new HashSet<>();

    public ConsoleStory(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void publish(CycleReport report) {
        out.printf(Locale.ROOT, "cycle %-4d %s  system score %s  autonomy %.2f  (%d ms)%n", report.cycle(),
                TIME.format(report.finishedAt()), report.systemScore() == null ? "n/a"
                        : String.format(Locale.ROOT, "%.2f", report.systemScore()), report.autonomyLevel(),
                report.duration().toMillis());
        Set<String> open = new HashSet<>();
        for (Bottleneck b : report.bottlenecks()) {
            open.add(b.key());
            if (announced.add(b.key())) {
                out.printf(Locale.ROOT, "  ! %-22s %-17s %-8s %s%s%n", b.component(), b.type(), b.severity(),
                        b.origin() == Origin.PROACTIVE ? "forecast: " : "", b.description());
            }
        }
        announced.retainAll(open);
        report.decisions().stream().filter(d -> d.contains("ranked first")).forEach(d -> out.println("  -> " + d));
        report.awaitingApproval().forEach(id -> out.println("  ? " + id + " waits for approval"));
        for (OptimizationResult r : report.results()) {
            String mark = switch (r.verdict()) {
                case IMPROVED -> "  + ";
                case AWAITING_APPROVAL -> null;
                default -> "  x ";
            };
            if (mark != null) {
                out.println(mark + r.explanation());
            }
        }
        Set<String> current = new HashSet<>();
        for (Recommendation r : report.recommendations()) {
            current.add(r.kind() + "/" + r.target());
            if (recommended.add(r.kind() + "/" + r.target())) {
                out.println("  * recommend " + r.kind() + " for " + r.target() + ": " + r.reason());
            }
        }
        recommended.retainAll(current);
        report.errors().forEach(e -> out.println("  ! error: " + e));
        if (!report.results().isEmpty()) {
            ImpactReport impact = report.impact();
            out.printf(Locale.ROOT, "  impact so far: %d changes judged, %d kept (%.0f %%), mean kept improvement %+.1f %%%n",
                    impact.total(), impact.successful(), impact.successRate() * 100, impact.overallImprovement());
        }
    }
}

package io.perfopt.simulator;

import io.perfopt.simulator.agent.AgentKind;
import io.perfopt.simulator.kind.IntelligentExecution;
import io.perfopt.simulator.kind.MarketAnalyzer;
import io.perfopt.simulator.kind.MarketHunter;
import io.perfopt.simulator.kind.NarrativeArchitect;
import io.perfopt.simulator.kind.StrategicOrchestrator;
import io.perfopt.simulator.surface.SurfaceAgent;
import java.util.List;

/** The agent kinds the simulator knows, by the class names perfopt sees. */
public final class AgentKinds {

    public static final AgentKind STRATEGIC_ORCHESTRATOR = StrategicOrchestrator.KIND;
    public static final AgentKind MARKET_HUNTER = MarketHunter.KIND;
    public static final AgentKind MARKET_ANALYZER = MarketAnalyzer.KIND;
    public static final AgentKind NARRATIVE_ARCHITECT = NarrativeArchitect.KIND;
    public static final AgentKind INTELLIGENT_EXECUTION = IntelligentExecution.KIND;
    public static final AgentKind SURFACE = SurfaceAgent.KIND;
    public static final AgentKind SURFACE_DRIFTING = SurfaceAgent.DRIFTING_KIND;

    /**
     * The five kinds of the seed system, in their demo start states: market-hunter slow,
     * failing and poorly coordinated; narrative-architect slow; strategic-orchestrator poorly
     * coordinated; market-analyzer and intelligent-execution healthy.
     */
    public static final List<AgentKind> DEMO = List.of(STRATEGIC_ORCHESTRATOR, MARKET_HUNTER, MARKET_ANALYZER,
            NARRATIVE_ARCHITECT, INTELLIGENT_EXECUTION);

    private AgentKinds() {
    }

    /** The kind of a class name: one of the demo kinds, or {@code surface} / {@code surface-drifting}. */
    public static AgentKind byName(String name) {
        for (AgentKind kind : DEMO) {
            if (kind.className().equals(name)) {
                return kind;
            }
        }
        return switch (name) {
            case "surface" -> SURFACE;
            case "surface-drifting" -> SURFACE_DRIFTING;
            default -> throw new IllegalArgumentException("unknown agent kind " + name + "; known: "
                    + DEMO.stream().map(AgentKind::className).toList() + ", surface, surface-drifting");
        };
    }
}

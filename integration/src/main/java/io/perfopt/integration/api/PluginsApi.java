package io.perfopt.integration.api;

import io.perfopt.api.learning.ActionKey;
import io.perfopt.api.learning.LearningStats;
import io.perfopt.engine.cycle.OptimizationLoop;
import io.perfopt.engine.plan.PluginHealth;
import io.perfopt.integration.plugins.ExtensionView;
import io.perfopt.integration.plugins.PluginHost;
import io.perfopt.integration.plugins.PluginView;
import io.perfopt.integration.plugins.UnknownPluginException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.Exchange;

/**
 * {@code /api/plugins}: what is loaded from the plugin directory, how each extension behaves in
 * the engine, and what learning says of it; and the operations that change plugins without a
 * restart (enable, disable, reload, rescan).
 */
public final class PluginsApi {

    private final PluginHost host;
    private final OptimizationLoop loop;

    /** @param host the plugin host; null when plugins are given in code (embedded use, tests) */
    public PluginsApi(PluginHost host, OptimizationLoop loop) {
        this.host = host;
        this.loop = loop;
    }

    /** {@code GET /api/plugins}. */
    public String list() {
        return Json.write(host == null ? List.of() : host.list().stream().map(this::view).toList());
    }

    /** {@code POST /api/plugins/{id}/enable}; also lifts the engine's cut-off of its extensions. */
    public String enable(Exchange exchange) {
        PluginView view = act(exchange, id -> host.enable(id));
        view.extensions().forEach(e -> loop.enablePlugin(e.optimizerId()));
        return Json.write(view(view));
    }

    /** {@code POST /api/plugins/{id}/disable}. */
    public String disable(Exchange exchange) {
        return Json.write(view(act(exchange, id -> host.disable(id))));
    }

    /** {@code POST /api/plugins/{id}/reload}: the file again; learning is kept (it is keyed by extension id). */
    public String reload(Exchange exchange) {
        PluginView view = act(exchange, id -> host.reload(id));
        view.extensions().forEach(e -> loop.enablePlugin(e.optimizerId()));
        return Json.write(view(view));
    }

    /** {@code POST /api/plugins/rescan}: loads new files, unloads removed ones. */
    public String rescan() {
        return Json.write(host().rescan());
    }

    private PluginView act(Exchange exchange, Function<String, PluginView> operation) {
        String id = exchange.getIn().getHeader("id", String.class);
        host();
        try {
            return operation.apply(id);
        } catch (UnknownPluginException e) {
            throw HttpProblem.notFound(e.getMessage());
        } catch (IllegalStateException e) {
            throw new HttpProblem(409, e.getMessage());
        }
    }

    private PluginHost host() {
        if (host == null) {
            throw HttpProblem.notFound("this node loads no plugin directory; its plugins are given in code");
        }
        return host;
    }

    private Map<String, Object> view(PluginView plugin) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", plugin.id());
        view.put("version", plugin.version());
        view.put("state", plugin.state());
        view.put("file", plugin.file());
        view.put("description", plugin.description());
        view.put("requires", plugin.requires());
        view.put("error", plugin.error());
        view.put("handles", plugin.handles());
        view.put("extensions", plugin.extensions().stream().map(this::extension).toList());
        return view;
    }

    private Map<String, Object> extension(ExtensionView extension) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("className", extension.className());
        view.put("optimizerId", extension.optimizerId());
        view.put("handles", extension.handles());
        PluginHealth health = loop.pluginHealth().get(extension.optimizerId());
        view.put("enabledInEngine", health == null || health.enabled());
        view.put("calls", health == null ? 0 : health.calls());
        view.put("failures", health == null ? 0 : health.totalFailures());
        view.put("lastError", health == null ? null : health.lastError());
        long trials = 0;
        long successes = 0;
        for (Map.Entry<ActionKey, LearningStats> e : loop.learning().snapshot().entrySet()) {
            if (e.getKey().pluginId().equals(extension.optimizerId())) {
                trials += e.getValue().trials();
                successes += e.getValue().successes();
            }
        }
        view.put("trials", trials);
        view.put("successRate", trials == 0 ? null : (double) successes / trials);
        view.put("learned", learned(extension.optimizerId()));
        return view;
    }

    /** What learning says works, best first: one line per action tried. */
    private List<Map<String, Object>> learned(String optimizerId) {
        return loop.learning().snapshot().entrySet().stream()
                .filter(e -> e.getKey().pluginId().equals(optimizerId))
                .sorted((a, b) -> Double.compare(b.getValue().meanImprovement(), a.getValue().meanImprovement()))
                .limit(20)
                .map(e -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("agentClass", e.getKey().agentClass());
                    row.put("bottleneck", e.getKey().type());
                    row.put("knob", e.getKey().knob());
                    row.put("direction", e.getKey().direction());
                    row.put("step", e.getKey().step());
                    row.put("trials", e.getValue().trials());
                    row.put("successes", e.getValue().successes());
                    row.put("meanImprovement", e.getValue().meanImprovement());
                    return row;
                }).toList();
    }
}

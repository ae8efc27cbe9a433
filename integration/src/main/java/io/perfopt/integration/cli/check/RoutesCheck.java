package io.perfopt.integration.cli.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Checks the YAML routes in {@code conf/routes/*.yaml} the way {@code perfopt run} reads them:
 * each file is loaded by Camel's YAML routes loader into a context that is never started (no
 * endpoint is created, no bean is looked up), so a YAML error or an unknown DSL element is
 * reported with its file and line. Across files, route ids must be unique; each route should
 * say what it does (a {@code description}).
 */
final class RoutesCheck {

    CheckedFile check(Path dir, String shown) {
        if (!Files.isDirectory(dir)) {
            return new CheckedFile(shown, "not found: the built-in routes apply", List.of());
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            return new CheckedFile(shown, "", List.of(new Finding(shown, 0, 0, "", "cannot be listed: " + e)));
        }
        List<Finding> problems = new ArrayList<>();
        Map<String, Finding> ids = new HashMap<>();
        int routes = 0;
        for (Path file : files) {
            String name = shown + "/" + file.getFileName();
            List<RouteDefinition> loaded = load(file, name, problems);
            routes += loaded.size();
            for (RouteDefinition route : loaded) {
                Finding here = new Finding(name, Math.max(0, route.getLineNumber()), 0, "route " + route.getId(), "");
                Finding first = ids.putIfAbsent(route.getId(), here);
                if (first != null) {
                    problems.add(new Finding(name, here.line(), 0, "route " + route.getId(),
                            "duplicate route id; already defined at " + first.file() + ":" + first.line()));
                }
                if (route.getDescriptionText() == null || route.getDescriptionText().isBlank()) {
                    problems.add(new Finding(name, here.line(), 0, "route " + route.getId(),
                            "no description: say in one line what the route does"));
                }
            }
        }
        if (files.isEmpty()) {
            problems.add(new Finding(shown, 0, 0, "", "holds no *.yaml route file: perfopt would run without "
                    + "its API and cycle routes; copy them from the distribution or remove the directory"));
        }
        return new CheckedFile(shown, files.size() + " route files, " + routes + " routes", problems);
    }

    private static List<RouteDefinition> load(Path file, String name, List<Finding> problems) {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.setSourceLocationEnabled(true);
            camel.build();
            PluginHelper.getRoutesLoader(camel).loadRoutes(
                    ResourceHelper.resolveResource(camel, "file:" + file.toAbsolutePath()));
            return List.copyOf(((ModelCamelContext) camel).getRouteDefinitions());
        } catch (Exception e) {
            problems.add(finding(e, name));
            return List.of();
        }
    }

    // the YAML parser and Camel's YAML DSL both mark where the problem is
    private static Finding finding(Exception e, String name) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYamlEngineException marked && marked.getProblemMark().isPresent()) {
                var mark = marked.getProblemMark().get();
                String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
                return new Finding(name, mark.getLine() + 1, mark.getColumn() + 1, "", context + marked.getProblem());
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new Finding(name, 0, 0, "", "cannot be loaded: " + root.getMessage());
    }
}

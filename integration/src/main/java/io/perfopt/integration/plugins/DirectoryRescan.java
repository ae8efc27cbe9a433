package io.perfopt.integration.plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One look at the plugin directory: unloads plugins whose file is gone, reloads those whose
 * file changed, loads new files and retries refused files that changed since. Runs under the
 * host's lock.
 */
final class DirectoryRescan {

    private final PluginLifecycle lifecycle;
    private final List<String> loaded = new ArrayList<>();
    private final List<String> reloaded = new ArrayList<>();
    private final List<String> unloaded = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();

    DirectoryRescan(PluginLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    RescanResult run(Path directory) {
        List<PluginFile> files = PluginFile.scan(directory);
        Map<Path, PluginFile> present = new HashMap<>();
        files.forEach(f -> present.put(f.path(), f));
        lifecycle.files().forEach((id, was) -> {
            PluginFile now = present.get(was.path());
            if (now == null) {
                lifecycle.unload(id, "its file " + was.name() + " was removed");
                unloaded.add(id);
            } else if (now.changedSince(was)) {
                lifecycle.unload(id, "its file " + was.name() + " changed");
                load(now, reloaded);
            }
        });
        lifecycle.refusedFiles().keySet().stream().filter(p -> !present.containsKey(p))
                .forEach(lifecycle::forgetRefused);
        for (PluginFile file : files) {
            boolean isLoaded = lifecycle.files().values().stream().anyMatch(f -> f.path().equals(file.path()));
            PluginFile refusedAs = lifecycle.refusedFiles().get(file.path());
            if (!isLoaded && (refusedAs == null || file.changedSince(refusedAs))) {
                load(file, loaded);
            }
        }
        return new RescanResult(loaded, reloaded, unloaded, refused);
    }

    private void load(PluginFile file, List<String> into) {
        Optional<String> id = lifecycle.load(file);
        if (id.isEmpty()) {
            refused.add(file.name() + ": " + lifecycle.views().stream().filter(v -> v.file().equals(file.name()))
                    .map(PluginView::error).findFirst().orElse("refused"));
        } else if (lifecycle.error(id.get()).isPresent()) {
            refused.add(id.get() + ": " + lifecycle.error(id.get()).get());
        } else {
            into.add(id.get());
        }
    }
}

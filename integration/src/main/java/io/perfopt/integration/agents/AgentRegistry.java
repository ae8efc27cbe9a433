package io.perfopt.integration.agents;

import io.perfopt.api.AgentDescriptor;
import io.perfopt.api.Require;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet: the agents declared in {@code agents.yaml} plus those registered at run time.
 *
 * <p>Agents declared in the file belong to the file: a run-time registration cannot replace or
 * remove them (else a caller of the registration API could redirect an agent's control URL),
 * only {@link #loadFile} can. Run-time registrations are read without environment
 * substitution, so that a caller cannot make perfopt copy its environment into a URL.
 *
 * <p>Thread-safe: look-ups are lock-free; changes are serialized, and listeners hear of them in
 * the order they happen, so that an agent's route is never created after its removal.
 */
public final class AgentRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(AgentRegistry.class);

    private final Map<String, AgentConfig> agents = new ConcurrentHashMap<>();
    private final Set<String> declaredInFile = ConcurrentHashMap.newKeySet();
    private final List<AgentRegistryListener> listeners = new CopyOnWriteArrayList<>();
    private final AgentsFile registrations = new AgentsFile(name -> {
        throw new IllegalArgumentException("environment references such as ${" + name
                + "} are not allowed in run-time registrations");
    });

    /** An empty fleet. */
    public AgentRegistry() {
    }

    /** A fleet of the agents declared in the file. */
    public AgentRegistry(List<AgentConfig> declared) {
        loadFile(declared);
    }

    /**
     * Adds a listener, which first hears of every current agent as {@link AgentChange.Kind#ADDED}
     * and then of every change, with no change lost in between.
     */
    public synchronized void addListener(AgentRegistryListener listener) {
        Require.notNull("listener", listener);
        agents().forEach(agent -> deliver(listener, AgentChange.added(agent)));
        listeners.add(listener);
    }

    public void removeListener(AgentRegistryListener listener) {
        listeners.remove(listener);
    }

    /**
     * Replaces the agents declared in the file by {@code declared}: agents no longer declared are
     * removed, new ones added, changed ones updated. A declared agent replaces a run-time one of
     * the same id.
     */
    public synchronized void loadFile(List<AgentConfig> declared) {
        Set<String> ids = new HashSet<>();
        for (AgentConfig agent : declared) {
            if (!ids.add(agent.id())) {
                throw new IllegalArgumentException("agent id " + agent.id() + " is declared twice");
            }
        }
        for (String id : List.copyOf(declaredInFile)) {
            if (!ids.contains(id)) {
                declaredInFile.remove(id);
                announce(AgentChange.removed(agents.remove(id)));
            }
        }
        for (AgentConfig agent : declared) {
            declaredInFile.add(agent.id());
            put(agent);
        }
        LOG.info("fleet configuration loaded: {} agents declared, {} in all", declared.size(), agents.size());
    }

    /** Registers or re-registers an agent at run time; the problems found, empty when it was registered. */
    public synchronized List<ConfigProblem> register(AgentConfig agent) {
        Require.notNull("agent", agent);
        if (declaredInFile.contains(agent.id())) {
            return List.of(new ConfigProblem("registration", 0, 0, "id", "agent " + agent.id()
                    + " is declared in agents.yaml; change it there"));
        }
        put(agent);
        return List.of();
    }

    /**
     * Registers an agent written as JSON or YAML in the schema of one {@code agents.yaml} entry;
     * the problems found, each located in {@code text}, empty when it was registered.
     */
    public List<ConfigProblem> register(String text, String sourceName) {
        AgentConfig agent;
        try {
            agent = registrations.parseAgent(text, sourceName);
        } catch (ConfigException e) {
            LOG.warn("registration from {} refused:\n{}", sourceName, e.getMessage());
            return e.problems();
        }
        return register(agent);
    }

    /** Removes an agent registered at run time; the problems found, empty when it was removed. */
    public synchronized List<ConfigProblem> deregister(String id) {
        if (declaredInFile.contains(id)) {
            return List.of(new ConfigProblem("deregistration", 0, 0, "id", "agent " + id
                    + " is declared in agents.yaml; remove it there"));
        }
        AgentConfig removed = agents.remove(id);
        if (removed == null) {
            return List.of(new ConfigProblem("deregistration", 0, 0, "id", "no agent " + id + " is registered"));
        }
        announce(AgentChange.removed(removed));
        return List.of();
    }

    /** The agent of that id, if registered. */
    public Optional<AgentConfig> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(agents.get(id));
    }

    /** The agent of that id; throws when none is registered. */
    public AgentConfig get(String id) {
        return find(id).orElseThrow(() -> new NoSuchElementException("no agent " + id + " is registered"));
    }

    /** What plugins see of the agent; throws when none is registered. */
    public AgentDescriptor descriptor(String id) {
        return get(id).descriptor();
    }

    /** Every agent, by id. */
    public List<AgentConfig> agents() {
        return agents.values().stream().sorted(Comparator.comparing(AgentConfig::id)).toList();
    }

    /** Whether the agent is declared in the file rather than registered at run time. */
    public boolean isDeclaredInFile(String id) {
        return declaredInFile.contains(id);
    }

    private void put(AgentConfig agent) {
        AgentConfig before = agents.put(agent.id(), agent);
        if (before == null) {
            announce(AgentChange.added(agent));
        } else if (!before.equals(agent)) {
            announce(AgentChange.updated(before, agent));
        }
    }

    private void announce(AgentChange change) {
        LOG.info("agent {} {}", change.agentId(), change.kind().name().toLowerCase(java.util.Locale.ROOT));
        listeners.forEach(listener -> deliver(listener, change));
    }

    // One failing listener must not keep the others (other routes) from hearing of the change.
    private static void deliver(AgentRegistryListener listener, AgentChange change) {
        try {
            listener.onChange(change);
        } catch (RuntimeException e) {
            LOG.warn("listener {} failed on {} of agent {}", listener, change.kind(), change.agentId(), e);
        }
    }
}

package io.perfopt.integration.api;

import com.hazelcast.cluster.Member;
import io.perfopt.integration.agents.AgentConfig;
import io.perfopt.integration.agents.AgentRegistry;
import io.perfopt.integration.cluster.PartitionOwnership;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code GET /api/cluster}: the members, this node, and the agents each one optimizes. */
public final class ClusterApi {

    private final String clusterName;
    private final String nodeId;
    private final PartitionOwnership ownership;
    private final AgentRegistry registry;

    public ClusterApi(String clusterName, String nodeId, PartitionOwnership ownership, AgentRegistry registry) {
        this.clusterName = clusterName;
        this.nodeId = nodeId;
        this.ownership = ownership;
        this.registry = registry;
    }

    /** The cluster as this member sees it. */
    public ClusterView view() {
        List<Member> members = ownership.members();
        Map<UUID, List<String>> agents = new LinkedHashMap<>();
        members.forEach(m -> agents.put(m.getUuid(), new ArrayList<>()));
        boolean quorum = ownership.hasQuorum();
        List<AgentConfig> fleet = registry.agents();
        if (quorum) {
            for (AgentConfig agent : fleet) {
                ownership.owner(agent.id()).map(m -> agents.get(m.getUuid())).ifPresent(list -> list.add(agent.id()));
            }
        }
        List<ClusterView.MemberView> views = members.stream().map(m -> new ClusterView.MemberView(
                PartitionOwnership.nodeOf(m), m.getAddress().getHost() + ":" + m.getAddress().getPort(),
                m.localMember(), agents.getOrDefault(m.getUuid(), List.of()))).toList();
        return new ClusterView(clusterName, nodeId, ownership.minSize(), quorum, views, fleet.size());
    }

    /** The route's answer. */
    public String cluster() {
        return Json.write(view());
    }
}

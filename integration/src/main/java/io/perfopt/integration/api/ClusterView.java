package io.perfopt.integration.api;

import java.util.List;

/**
 * The cluster as {@code GET /api/cluster} shows it, from the answering member's point of view.
 *
 * @param cluster  the cluster's name
 * @param node     the answering node
 * @param minSize  members needed for any member to act (split-brain protection)
 * @param quorum   whether this member's side of the cluster has that many
 * @param members  every member this one sees, oldest first
 * @param agents   the number of agents of the fleet
 */
public record ClusterView(String cluster, String node, int minSize, boolean quorum, List<MemberView> members,
                          int agents) {

    public ClusterView {
        members = List.copyOf(members);
    }

    /**
     * One member.
     *
     * @param node    its perfopt node id
     * @param address its cluster address, host:port
     * @param local   whether it is the answering member
     * @param agents  the agents it optimizes, by id
     */
    public record MemberView(String node, String address, boolean local, List<String> agents) {

        public MemberView {
            agents = List.copyOf(agents);
        }
    }
}

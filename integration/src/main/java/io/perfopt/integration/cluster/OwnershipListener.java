package io.perfopt.integration.cluster;

/** Hears which agents this member started or stopped owning. Called on the ownership thread, one agent at a time. */
public interface OwnershipListener {

    /** This member now optimizes the agent: start collecting it. */
    void gained(String agentId);

    /** Another member optimizes the agent now (or none, without quorum): stop collecting it and forget its state. */
    void lost(String agentId);
}

package io.perfopt.engine.plan;

import io.perfopt.api.Require;
import io.perfopt.api.knob.Knob;
import io.perfopt.api.knob.KnobChange;
import io.perfopt.api.spi.Proposal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a plugin's proposal against the agent's real knobs: every knob must exist, start from
 * its current value, and go to a value it accepts. A proposal that fails is nonsense from the
 * plugin, counted against it.
 */
final class ProposalValidator {

    private ProposalValidator() {
    }

    /** The reason the proposal is invalid, or empty when it is valid. */
    static Optional<String> problem(Proposal proposal, List<Knob> knobs) {
        Set<String> seen = new HashSet<>();
        for (KnobChange change : proposal.changes()) {
            if (!seen.add(change.knob())) {
                return Optional.of("changes knob " + change.knob() + " twice");
            }
            Optional<Knob> knob = knobs.stream().filter(k -> k.name().equals(change.knob())).findFirst();
            if (knob.isEmpty()) {
                return Optional.of("knob " + change.knob() + " does not exist on the agent");
            }
            Knob k = knob.get();
            if (k.value() != change.from()) {
                return Optional.of("knob " + k.name() + " starts from " + Require.plain(change.from())
                        + " but its value is " + Require.plain(k.value()));
            }
            if (!k.accepts(change.to())) {
                return Optional.of("value " + Require.plain(change.to()) + " is outside " + k.name() + "'s range "
                        + Require.plain(k.min()) + ".." + Require.plain(k.max())
                        + (k.type().discrete() ? " or not whole" : ""));
            }
        }
        return Optional.empty();
    }
}

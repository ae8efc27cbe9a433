package io.perfopt.simulator.agent;

import java.time.Instant;

/**
 * A fault in force on an agent.
 *
 * @param fault    what it does
 * @param startsAt when it was injected
 * @param endsAt   when it stops by itself; {@code null} for a drift, which runs until cleared
 */
public record ActiveFault(Fault fault, Instant startsAt, Instant endsAt) {

    public ActiveFault {
        if (fault == null || startsAt == null) {
            throw new IllegalArgumentException("an active fault needs a fault and a start, got " + fault + " at "
                    + startsAt);
        }
    }
}

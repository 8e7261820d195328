package nl.horizon.streams;

import nl.horizon.schema.ClockTick;
import nl.horizon.schema.Observation;

/** What extracting a report gave: observations, and now and then a tick of the upstream's clock. */
sealed interface Extracted {

    record Observed(Observation observation) implements Extracted {
    }

    record Ticked(ClockTick tick) implements Extracted {
    }
}

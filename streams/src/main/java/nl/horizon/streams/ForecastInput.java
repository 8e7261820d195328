package nl.horizon.streams;

import nl.horizon.schema.ClockTick;
import nl.horizon.schema.Observation;
import nl.horizon.schema.StructuralValue;

/**
 * One input of the forecast, on its internal repartition topic: exactly one of a fatality observation, a
 * clock tick (how far event time reaches in a classification) or a structural value.
 */
record ForecastInput(Observation fatality, ClockTick tick, StructuralValue structural) {

    ForecastInput {
        int given = (fatality == null ? 0 : 1) + (tick == null ? 0 : 1) + (structural == null ? 0 : 1);
        if (given != 1) {
            throw new IllegalArgumentException("a forecast input is one observation, tick or structural value, not "
                    + given);
        }
    }
}

package nl.horizon.streams;

import nl.horizon.schema.ClockTick;
import nl.horizon.schema.CoupAttempt;
import nl.horizon.schema.Observation;
import nl.horizon.schema.StructuralValue;

/**
 * One input of the forecast, on its internal repartition topic: exactly one of a fatality observation, a
 * clock tick (how far event time reaches in a classification), a structural value or a coup attempt.
 */
record ForecastInput(Observation fatality, ClockTick tick, StructuralValue structural, CoupAttempt coup) {

    ForecastInput {
        int given = (fatality == null ? 0 : 1) + (tick == null ? 0 : 1) + (structural == null ? 0 : 1)
                + (coup == null ? 0 : 1);
        if (given != 1) {
            throw new IllegalArgumentException("a forecast input is one observation, tick, structural value or coup "
                    + "attempt, not " + given);
        }
    }
}

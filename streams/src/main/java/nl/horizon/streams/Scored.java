package nl.horizon.streams;

import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.Signal;

/** What closing a day gave for one country tier: a risk update or a signal. */
sealed interface Scored {

    record Risk(CountryRisk risk) implements Scored {
    }

    record Raised(Signal signal) implements Scored {
    }
}

package nl.horizon.streams;

import nl.horizon.schema.CountryPhase;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.Signal;

/** What re-scoring a tier published: a risk point or a phase point (or its removal), or a signal (or its withdrawal). */
sealed interface Scored {

    /** The record's key on its topic. */
    String key();

    /**
     * A risk point under its key {@code <country>:<tier>:<day>}; a null point removes the key's earlier one
     * (a tombstone on the compacted topic).
     */
    record Risk(String key, CountryRisk risk) implements Scored {
    }

    /** A signal, keyed by its id: a new one, a revision or a withdrawal. */
    record Raised(Signal signal) implements Scored {

        @Override
        public String key() {
            return signal.id();
        }
    }

    /** A phase point under its key {@code <country>:<tier>:<day>}; a null point removes the key's earlier one. */
    record Phase(String key, CountryPhase phase) implements Scored {
    }
}

package nl.horizon.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where a signal stands: the meeting cares about what is new and what escalates. {@link #WITHDRAWN} is not
 * a step of an episode: it replaces a signal that later input showed no longer holds (same id, next
 * revision), so that consumers who saw it can take it back.
 */
public enum Lifecycle {
    NEW, ESCALATING, SUSTAINED, COOLING, RESOLVED, WITHDRAWN;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Lifecycle parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

package nl.horizon.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a signal stands: the meeting cares about what is new and what escalates. */
public enum Lifecycle {
    NEW, ESCALATING, SUSTAINED, COOLING, RESOLVED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Lifecycle parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

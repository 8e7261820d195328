package nl.horizon.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Direction of a country's composite score against its recent past. */
public enum Trend {
    RISING, STABLE, FALLING;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Trend parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

package nl.horizon.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Early-warning levels, in increasing order of concern. */
public enum RiskLevel {
    CALM, WATCH, WARNING, ALERT;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RiskLevel parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

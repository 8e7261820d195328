package nl.horizon.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What an analyst decided about a signal at triage. */
public enum TriageOutcome implements Labelled {
    /** Seen and noted; no further work. */
    ACKNOWLEDGED,
    /** Handed to analysis for a closer look. */
    ESCALATED,
    /** Judged not to be a real development; a reason is required. */
    DISMISSED;

    @JsonValue
    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TriageOutcome parse(String value) {
        return Labelled.parse(TriageOutcome.class, value);
    }
}

package nl.horizon.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;


/**
 * The kind of source a report comes from. Kinds are independent channels for corroboration: the top
 * alert level needs evidence from at least two different kinds.
 */
public enum SourceKind implements Labelled {
    /** Situation reports from the diplomatic post network. */
    POST("post"),
    /** Structured crisis-watch editions (International Crisis Group CrisisWatch). */
    CRISIS_WATCH("crisis-watch"),
    /** News and humanitarian feeds: RSS/Atom, the ReliefWeb API. */
    NEWS_FEED("news-feed"),
    /** Coded event data: ACLED, UCDP GED, GDELT. */
    EVENT_DATA("event-data"),
    /** Reports pushed by NGO partners. */
    PARTNER("partner");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    /** The wire name; also the {@code <source-kind>} part of the raw topic name. */
    @JsonValue
    @Override
    public String label() {
        return label;
    }

    /** Parses a wire name; the error names the value and the accepted ones. */
    @JsonCreator
    public static SourceKind parse(String value) {
        return Labelled.parse(SourceKind.class, value);
    }
}

package nl.horizon.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Why input was rejected; also the {@code reason} tag of the rejection metric. */
public enum RejectReason {
    /** Not parseable in its declared format. */
    MALFORMED,
    /** Larger than the configured limit. */
    OVERSIZED,
    /** XML with a DOCTYPE or external entities. */
    HOSTILE_XML,
    /** A required field is missing or has a bad value. */
    INVALID_FIELD,
    /** A country code or name that maps to no ISO 3166-1 country. */
    UNKNOWN_COUNTRY,
    /** A format no parser knows. */
    UNKNOWN_FORMAT,
    /** Not decodable as text in the declared encoding. */
    BAD_ENCODING,
    /**
     * A field stated twice with different values (a cable header and its alias, a repeated JSON key).
     * Which statement holds would be a guess, and a guess about a classification can make a secret public.
     */
    CONFLICTING_FIELD,
    /**
     * A CAP message that is no real alert: status {@code Exercise}, {@code Test}, {@code System} or
     * {@code Draft}, or an {@code Ack} or {@code Error} message. Kept so that an operator sees a partner's
     * drill arrive, never scored as news.
     */
    NOT_AN_ALERT,
    /** A CAP message that a later message of the same document updates or cancels. */
    SUPERSEDED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static RejectReason parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}

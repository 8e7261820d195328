package nl.horizon.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kinds of CAP message that carry an alert. CAP's {@code Ack} and {@code Error} answer other messages
 * and say nothing of a situation, so they never become reports.
 */
public enum CapMessageType implements Labelled {
    /** A new alert. */
    ALERT("Alert"),
    /** Supersedes the messages it references. */
    UPDATE("Update"),
    /** Withdraws the messages it references. */
    CANCEL("Cancel");

    private final String label;

    CapMessageType(String label) {
        this.label = label;
    }

    /** The name CAP writes, which is also the wire name. */
    @JsonValue
    @Override
    public String label() {
        return label;
    }

    /** Parses CAP's name; the error names the value and the accepted ones. */
    @JsonCreator
    public static CapMessageType parse(String value) {
        return Labelled.parse(CapMessageType.class, value);
    }
}

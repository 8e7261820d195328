package nl.horizon.formats;

import nl.horizon.schema.RejectReason;

/**
 * Input that cannot be accepted, with a reason code and words that name the bad field or value. Thrown
 * by parsers; turned into a dead letter by connectors and the normaliser, or into an HTTP 4xx by the
 * push endpoints.
 */
public final class Rejection extends Exception {

    private final RejectReason reason;

    public Rejection(RejectReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Rejection(RejectReason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }

    /** The detail in words. */
    public String detail() {
        return getMessage();
    }
}

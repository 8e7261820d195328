package nl.horizon.index;

/** A search query that does not parse; the message says where. Shown to the caller as a 400. */
public final class InvalidQueryException extends Exception {

    public InvalidQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}

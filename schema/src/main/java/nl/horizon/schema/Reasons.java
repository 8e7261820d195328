package nl.horizon.schema;

/**
 * How a rejection's reason (a dead letter's {@code detail}, an HTTP error message) quotes what it
 * rejects: short and on one line, so hostile input can flood neither logs nor error bodies.
 */
public final class Reasons {

    private static final int MAX_QUOTE = 80;

    private Reasons() {
    }

    /** A value as quoted in a reason: at most {@value #MAX_QUOTE} characters. */
    public static String quote(String value) {
        return value.length() <= MAX_QUOTE ? value : value.substring(0, MAX_QUOTE - 3) + "...";
    }

    /** The first line of a library's message (parsers append the offending input on further lines). */
    public static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}

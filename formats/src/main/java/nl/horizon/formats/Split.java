package nl.horizon.formats;

/** One piece of a source document: an item, or a part that was rejected (the rest still flows). */
public sealed interface Split {

    /** An item that is well formed. */
    record Item(SourceItem item) implements Split {
    }

    /**
     * A part of the document that could not be read.
     *
     * @param locator where in the document, e.g. {@code line 17}
     * @param payload the part as received
     */
    record Rejected(String locator, Rejection rejection, String payload) implements Split {
    }
}

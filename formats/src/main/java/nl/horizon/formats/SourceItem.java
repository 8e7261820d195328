package nl.horizon.formats;

/**
 * One item split out of a source document (a feed entry, a CSV row, an API result), ready to be wrapped
 * in a raw-topic envelope.
 *
 * @param itemId  stable id within its source: re-reading the document yields the same id
 * @param format  the item format, which picks its {@link ItemFormat}
 * @param payload the item as text (for tabular and JSON sources, a JSON object of its fields)
 * @param version what the source says of the item's revision (an Atom entry's {@code updated}, a ReliefWeb
 *                report's {@code date.changed}), or {@code null} where it says nothing: an item seen before
 *                comes again, as a new version of the same report, only when this differs
 */
public record SourceItem(String itemId, String format, String payload, String version) {

    /** An item whose source says nothing of revisions. */
    public SourceItem(String itemId, String format, String payload) {
        this(itemId, format, payload, null);
    }
}

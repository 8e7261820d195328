package nl.horizon.formats;

/**
 * One item split out of a source document (a feed entry, a CSV row, an API result), ready to be wrapped
 * in a raw-topic envelope.
 *
 * @param itemId  stable id within its source: re-reading the document yields the same id
 * @param format  the item format, which picks its {@link ItemFormat}
 * @param payload the item as text (for tabular and JSON sources, a JSON object of its fields)
 */
public record SourceItem(String itemId, String format, String payload) {
}

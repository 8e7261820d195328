package nl.horizon.formats;

import nl.horizon.schema.RawItem;
import nl.horizon.schema.Report;

/**
 * Turns one raw item of one format into a normalised report. One implementation per format, used by
 * the normaliser for every item and by connectors to validate at the edge.
 */
public interface ItemFormat {

    /** The format name, as in {@link RawItem#format()}. */
    String formatName();

    /**
     * Normalises an item.
     *
     * @throws Rejection when the item is malformed or has a bad field; the detail names it
     */
    Report toReport(RawItem item) throws Rejection;
}

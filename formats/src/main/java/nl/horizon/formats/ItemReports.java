package nl.horizon.formats;

import nl.horizon.schema.EventFields;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.Report;

import java.time.Instant;
import java.util.List;

/**
 * Builds a report from an item whose envelope is the whole truth about its origin: id, source and
 * classification come from the envelope, so every item format fills only what its payload says.
 */
final class ItemReports {

    private ItemReports() {
    }

    static Report of(RawItem item, List<String> countries, String language, Instant eventTime, String title,
                     String body, EventFields event, List<String> links) {
        return new Report(Report.idOf(item.sourceKind(), item.sourceName(), item.itemId()), item.sourceKind(),
                item.sourceName(), countries, language, eventTime, title, body, item.classification(), event, links,
                item.fetchedAt(), item.contentHash());
    }
}

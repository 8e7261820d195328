package nl.horizon.formats;

import nl.horizon.schema.RawItem;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.Report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The formats Horizon reads, by name: the single dispatch from a raw item to its parser. */
public final class ItemFormats {

    private final Map<String, ItemFormat> byName = new LinkedHashMap<>();

    private ItemFormats(List<ItemFormat> formats) {
        formats.forEach(f -> byName.put(f.formatName(), f));
    }

    /** Every format Horizon ships. */
    public static ItemFormats standard() {
        return new ItemFormats(List.of(SituationReportFormat.POST_JSON, SituationReportFormat.POST_CABLE,
                SituationReportFormat.PARTNER_JSON, new FeedEntryFormat(),
                new ReliefWebReportFormat(), new CrisisWatchEntryFormat(), new AcledEventFormat(),
                new UcdpGedEventFormat(), new GdeltEventFormat()));
    }

    /**
     * Normalises an item with the parser of its format.
     *
     * @throws Rejection {@link RejectReason#UNKNOWN_FORMAT} for a format no parser knows, or the parser's own
     */
    public Report toReport(RawItem item) throws Rejection {
        ItemFormat format = byName.get(item.format());
        if (format == null) {
            throw new Rejection(RejectReason.UNKNOWN_FORMAT,
                    "unknown format '" + item.format() + "'; known: " + byName.keySet());
        }
        return format.toReport(item);
    }
}

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
     * Normalises an item with the parser of its format; a report whose source states no language gets the
     * one its title and body are written in ({@link TextLanguage}), when that is clear.
     *
     * @throws Rejection {@link RejectReason#UNKNOWN_FORMAT} for a format no parser knows, or the parser's own
     */
    public Report toReport(RawItem item) throws Rejection {
        ItemFormat format = byName.get(item.format());
        if (format == null) {
            throw new Rejection(RejectReason.UNKNOWN_FORMAT,
                    "unknown format '" + item.format() + "'; known: " + byName.keySet());
        }
        return withLanguage(format.toReport(item));
    }

    private static Report withLanguage(Report report) {
        if (report.language() != null) {
            return report;
        }
        return TextLanguage.standard().of(report.title() + ".\n" + report.body())
                .map(language -> new Report(report.id(), report.sourceKind(), report.sourceName(), report.countries(),
                        language, report.publishedAt(), report.title(), report.body(), report.classification(),
                        report.event(), report.links(), report.receivedAt(), report.contentHash()))
                .orElse(report);
    }
}

package nl.horizon.formats;

import nl.horizon.schema.Marking;
import nl.horizon.schema.Markings;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.Report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The formats Horizon reads, by name: the single dispatch from a raw item to its parser. Situation reports
 * read their markings with the deployment's {@link Markings}.
 */
public final class ItemFormats {

    private final Map<String, ItemFormat> byName = new LinkedHashMap<>();
    private final Markings markings;

    private ItemFormats(Markings markings, List<ItemFormat> formats) {
        this.markings = markings;
        formats.forEach(f -> byName.put(f.formatName(), f));
    }

    /** Every format Horizon ships, situation reports marked as {@code markings} says. */
    public static ItemFormats standard(Markings markings) {
        return new ItemFormats(markings, List.of(new Marked(SituationReportFormat.POST_JSON, markings),
                new Marked(SituationReportFormat.POST_CABLE, markings),
                new Marked(SituationReportFormat.PARTNER_JSON, markings), new FeedEntryFormat(),
                new ReliefWebReportFormat(), new CrisisWatchEntryFormat(), new AcledEventFormat(),
                new UcdpGedEventFormat(), new GdeltEventFormat(), new CapAlertFormat()));
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
                .map(report::withLanguage)
                .orElse(report);
    }

    /**
     * How sensitive an item is, read or not: the higher of its envelope's classification and, for a
     * situation report, what its own marking claims. The marking a refused item's dead letter carries.
     */
    public Marking claimed(RawItem item) {
        Marking envelope = Marking.of(item.classification());
        return byName.get(item.format()) instanceof Marked marked
                ? envelope.max(marked.format().claimed(item.payload(), markings)) : envelope;
    }

    /** The deployment's marking vocabulary. */
    public Markings markings() {
        return markings;
    }

    /** A situation-report syntax reading markings with the deployment's vocabulary. */
    private record Marked(SituationReportFormat format, Markings markings) implements ItemFormat {
        @Override
        public String formatName() {
            return format.formatName();
        }

        @Override
        public Report toReport(RawItem item) throws Rejection {
            return format.read(item.payload(), markings).toReport(item);
        }
    }
}

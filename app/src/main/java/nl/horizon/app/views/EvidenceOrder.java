package nl.horizon.app.views;

import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;

import java.util.Comparator;
import java.util.List;

/**
 * The order evidence is shown in: the corroborating reports first (posts, partners, crisis watches, then news),
 * event-data rows last, each kind newest first. Mali's alert rested on posts beside ACLED, yet its twenty
 * evidence items listed only ACLED rows: the reports that made it an alert must come first.
 */
public final class EvidenceOrder {

    private static final List<SourceKind> ORDER = List.of(SourceKind.POST, SourceKind.PARTNER, SourceKind.CRISIS_WATCH,
            SourceKind.NEWS_FEED, SourceKind.EVENT_DATA);

    /** Corroborating first, then newest first, then by id. */
    public static final Comparator<Report> CORROBORATING_FIRST = Comparator
            .comparingInt((Report r) -> rank(r.sourceKind()))
            .thenComparing(Report::publishedAt, Comparator.reverseOrder())
            .thenComparing(Report::id);

    private EvidenceOrder() {
    }

    /** The reports in this order. */
    public static List<Report> sorted(List<Report> reports) {
        return reports.stream().sorted(CORROBORATING_FIRST).toList();
    }

    private static int rank(SourceKind kind) {
        int at = ORDER.indexOf(kind);
        return at < 0 ? ORDER.size() : at;
    }
}

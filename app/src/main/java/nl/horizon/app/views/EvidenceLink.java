package nl.horizon.app.views;

import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;

import java.time.Instant;
import java.util.List;

/**
 * A report named as evidence, short: enough to list it and link to it.
 *
 * @param link the source item's web address, if it has one (never another scheme)
 */
public record EvidenceLink(String id, SourceKind sourceKind, String title, Instant publishedAt, String link) {

    public static EvidenceLink of(Report r) {
        return new EvidenceLink(r.id(), r.sourceKind(), r.title(), r.publishedAt(), webLink(r));
    }

    /** A report's first link that is a web address (never a {@code javascript:} or other scheme), or null. */
    public static String webLink(Report r) {
        List<String> links = r.links() == null ? List.of() : r.links();
        return links.stream().filter(l -> l.startsWith("https://") || l.startsWith("http://")).findFirst().orElse(null);
    }
}

package nl.horizon.schema;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A normalised report: the common shape of every source's items. Value of {@code horizon.reports.v1},
 * keyed by {@link #id()}.
 *
 * @param id             stable report id: {@code <source-kind>:<source-name>:<item-id>}
 * @param sourceKind     the kind of source
 * @param sourceName     the configured source
 * @param countries      countries the report is about, ISO 3166-1 alpha-3, most relevant first
 * @param language       ISO 639-1 language of title and body ({@code nl}, {@code en}, {@code fr}, ...)
 * @param publishedAt    when the source says it happened or was written: the event time for scoring
 * @param title          headline or subject
 * @param body           plain text (no markup)
 * @param classification classification of the report
 * @param event          structured event fields, or {@code null} for prose reports
 * @param links          links to the original, if any
 * @param receivedAt     when the connector read it (for latency measurement only, never scoring)
 * @param contentHash    hash of the raw payload, for de-duplication
 * @param caveats        dissemination caveats ({@link Markings}): only readers holding every one may see it,
 *                       and a caveated report is never scored; empty for most
 * @param alert          what another alerting system's CAP message said (sender, severity, area, the messages
 *                       it supersedes, whether it withdraws them), or {@code null} for every other report
 */
public record Report(
        String id,
        SourceKind sourceKind,
        String sourceName,
        List<String> countries,
        String language,
        Instant publishedAt,
        String title,
        String body,
        Classification classification,
        EventFields event,
        List<String> links,
        Instant receivedAt,
        String contentHash,
        List<String> caveats,
        AlertFields alert) implements Searchable {

    @Override
    public DocumentKind kind() {
        return DocumentKind.REPORT;
    }


    public Report {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceKind, "sourceKind");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(classification, "classification");
        countries = List.copyOf(countries);
        links = links == null ? List.of() : List.copyOf(links);
        caveats = caveats == null ? List.of() : List.copyOf(new java.util.TreeSet<>(caveats));
    }

    /**
     * The same report in another language. Copies go through these methods, never through the constructor,
     * so that no stage can drop a field it does not know of (a copy that lost its caveats once showed a
     * NODIS cable to every secret reader).
     */
    public Report withLanguage(String otherLanguage) {
        return new Report(id, sourceKind, sourceName, countries, otherLanguage, publishedAt, title, body,
                classification, event, links, receivedAt, contentHash, caveats, alert);
    }

    /** The same report about other countries; see {@link #withLanguage}. */
    public Report withCountries(List<String> otherCountries) {
        return new Report(id, sourceKind, sourceName, otherCountries, language, publishedAt, title, body,
                classification, event, links, receivedAt, contentHash, caveats, alert);
    }

    /** The same report carrying a CAP message's fields; see {@link #withLanguage}. */
    public Report withAlert(AlertFields otherAlert) {
        return new Report(id, sourceKind, sourceName, countries, language, publishedAt, title, body,
                classification, event, links, receivedAt, contentHash, caveats, otherAlert);
    }

    /** A report that is no CAP alert. */
    public Report(String id, SourceKind sourceKind, String sourceName, List<String> countries, String language,
                  Instant publishedAt, String title, String body, Classification classification, EventFields event,
                  List<String> links, Instant receivedAt, String contentHash, List<String> caveats) {
        this(id, sourceKind, sourceName, countries, language, publishedAt, title, body, classification, event, links,
                receivedAt, contentHash, caveats, null);
    }

    /** A report without caveats: what every source but posts' and partners' reports is. */
    public Report(String id, SourceKind sourceKind, String sourceName, List<String> countries, String language,
                  Instant publishedAt, String title, String body, Classification classification, EventFields event,
                  List<String> links, Instant receivedAt, String contentHash) {
        this(id, sourceKind, sourceName, countries, language, publishedAt, title, body, classification, event, links,
                receivedAt, contentHash, List.of());
    }

    /** Its classification and caveats. */
    public Marking marking() {
        return new Marking(classification, caveats);
    }

    /** The report id for an item of a source. */
    public static String idOf(SourceKind kind, String sourceName, String itemId) {
        return kind.label() + ":" + sourceName + ":" + itemId;
    }
}

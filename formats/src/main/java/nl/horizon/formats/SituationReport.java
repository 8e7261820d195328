package nl.horizon.formats;

import nl.horizon.schema.Marking;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;

import java.time.Instant;
import java.util.List;

/**
 * A situation report as its author wrote it, in any of the {@link SituationReportFormat} syntaxes.
 *
 * @param sourceKind     {@code post} or {@code partner}
 * @param author         the post or partner that wrote it, e.g. {@code bamako}; the report's source name
 * @param reference      the author's own reference, unique per author; the item id
 * @param date           when it was written (event time)
 * @param marking        its classification and dissemination caveats
 * @param countries      ISO 3166-1 alpha-3 codes of the countries it is about (may be empty)
 * @param language       ISO 639-1 language, or {@code null} when not stated
 * @param subject        subject line
 * @param body           the text
 */
public record SituationReport(SourceKind sourceKind, String author, String reference, Instant date, Marking marking,
                          List<String> countries, String language, String subject, String body) {

    /** The item id a connector gives this message. */
    public String itemId() {
        return reference;
    }

    /**
     * The normalised report. Its classification is the higher of the message's and the envelope's, so that
     * no stage can lower what a post stated or what the source was configured with; its caveats the message's.
     */
    Report toReport(RawItem item) {
        return new Report(Report.idOf(sourceKind, author, reference), sourceKind, author, countries, language,
                date, subject, body, marking.classification().max(item.classification()), null, List.of(), item.fetchedAt(),
                item.contentHash(), marking.caveats());
    }
}

package nl.horizon.formats;

import nl.horizon.schema.Classification;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;

import java.time.Instant;
import java.util.List;

/**
 * A situation report from a post, as the post wrote it, in either of the {@link PostFormat} syntaxes.
 *
 * @param post           the post that wrote it, e.g. {@code bamako}; the report's source name
 * @param reference      the post's own reference, unique per post; the item id
 * @param date           when it was written (event time)
 * @param classification its classification
 * @param countries      ISO 3166-1 alpha-3 codes of the countries it is about (may be empty)
 * @param language       ISO 639-1 language, or {@code null} when not stated
 * @param subject        subject line
 * @param body           the text
 */
public record PostMessage(String post, String reference, Instant date, Classification classification,
                          List<String> countries, String language, String subject, String body) {

    /** The item id a connector gives this message. */
    public String itemId() {
        return reference;
    }

    /**
     * The normalised report. Its classification is the higher of the message's and the envelope's, so that
     * no stage can lower what a post stated or what the source was configured with.
     */
    Report toReport(RawItem item) {
        return new Report(Report.idOf(SourceKind.POST, post, reference), SourceKind.POST, post, countries, language,
                date, subject, body, classification.max(item.classification()), null, List.of(), item.fetchedAt(),
                item.contentHash());
    }
}

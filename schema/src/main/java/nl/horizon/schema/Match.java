package nl.horizon.schema;

import java.time.Instant;

/**
 * A new document matched a saved query. Value of {@code horizon.matches.v1}, keyed by
 * {@link #subscriptionId()}.
 *
 * @param subscriptionId the saved query
 * @param owner          the analyst who saved it ({@link Identity#id()})
 * @param documentKind   report or signal
 * @param documentId     the matching document
 * @param title          its title, for the notification
 * @param matchedAt      when it matched
 * @param classification the document's classification; a match is shown only to cleared users
 */
public record Match(
        String subscriptionId,
        String owner,
        DocumentKind documentKind,
        String documentId,
        String title,
        Instant matchedAt,
        Classification classification) {
}

package nl.horizon.schema;

import java.time.Instant;
import java.util.Objects;

/**
 * One item exactly as a connector received it, wrapped in an envelope. Value of
 * {@code horizon.raw.<source-kind>.v1}, keyed by {@link #itemId()}.
 *
 * <p>Connectors only split a source into items and check that each is well formed; turning an item
 * into a {@link Report} is the normaliser's job, so that every format has one code path.
 *
 * @param itemId       stable id of the item within its source (re-reading the source yields the same id)
 * @param sourceKind   the kind of source
 * @param sourceName   the configured source, e.g. the post ({@code post-bamako}) or feed name
 * @param format       the payload's format, e.g. {@code post-json}; picks the normaliser's parser
 * @param fetchedAt    when the connector read the item (wall clock; not used for scoring)
 * @param contentHash  SHA-256 of the payload, hex; equal hashes mean the same content
 * @param classification classification stated by the source, or the source's configured default
 * @param payload      the item as received, as text
 */
public record RawItem(
        String itemId,
        SourceKind sourceKind,
        String sourceName,
        String format,
        Instant fetchedAt,
        String contentHash,
        Classification classification,
        String payload) {

    public RawItem {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(sourceKind, "sourceKind");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(payload, "payload");
    }

    /** Builds an item whose content hash is computed from the payload. */
    public static RawItem of(String itemId, SourceKind kind, String sourceName, String format, Instant fetchedAt,
                             Classification classification, String payload) {
        return new RawItem(itemId, kind, sourceName, format, fetchedAt, ContentHash.of(payload), classification,
                payload);
    }
}

package nl.horizon.schema;

import java.time.Instant;

/**
 * A saved query: every new report or signal it matches becomes a {@link Match} for its owner. Value of
 * the compacted {@code horizon.subscriptions.v1}, keyed by {@link #id()}; a tombstone deletes it.
 *
 * @param id        subscription id
 * @param owner     the analyst who saved it: an {@link Identity#id()}; a plain name written before
 *                  identities had namespaces is read as {@link Identity#owner} says
 * @param query     the query, in the search syntax
 * @param clearance the owner's clearance when it was saved: nothing above it is ever matched
 * @param createdAt when it was saved
 */
public record Subscription(String id, String owner, String query, Classification clearance, Instant createdAt) {
}

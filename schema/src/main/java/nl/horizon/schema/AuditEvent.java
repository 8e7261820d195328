package nl.horizon.schema;

import java.time.Instant;

/**
 * Who saw or changed what. Value of {@code horizon.audit.v2}, keyed by {@link #actor()}: one event per
 * request to a protected or unknown path, refused ones included.
 *
 * <p>An event is itself classified: the search terms and ids a caller typed are as sensitive as what the
 * caller may see with them. {@link #classification()} is the caller's clearance when the event carries
 * anything the caller typed (a query string, an id in the path, an unknown path), and public otherwise,
 * so that a reader of the audit topic can leave out what it may not see.
 *
 * @param at             when the request was answered (a server-sent event stream: when it opened)
 * @param actor          the caller's {@link Identity#id()}, or {@code unauthenticated} when it had no valid credentials
 * @param actorName      the name the caller is shown by (an account's name, a person's {@code preferred_username})
 * @param clearance      the clearance the request was served under
 * @param clientAddress  the address of the socket the request came from
 * @param method         the HTTP method
 * @param route          the route it matched (its pattern), or {@code unknown}
 * @param target         the path and query asked for, shortened to 500 characters
 * @param status         the HTTP status answered
 * @param classification how sensitive the event is: who may read it
 */
public record AuditEvent(
        Instant at,
        String actor,
        String actorName,
        Classification clearance,
        String clientAddress,
        String method,
        String route,
        String target,
        int status,
        Classification classification) {
}

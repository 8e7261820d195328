package nl.horizon.schema;

import java.time.Instant;

/**
 * Who saw or changed what. Value of {@code horizon.audit.v1}, keyed by {@link #actor()}: one event per
 * authenticated request, refused ones included.
 *
 * @param at        when the request was answered
 * @param actor     the account or person
 * @param clearance the clearance the request was served under
 * @param method    the HTTP method
 * @param route     the route it matched (its pattern), or {@code unknown}
 * @param target    the path and query asked for, shortened to 500 characters
 * @param status    the HTTP status answered
 */
public record AuditEvent(
        Instant at,
        String actor,
        Classification clearance,
        String method,
        String route,
        String target,
        int status) {
}

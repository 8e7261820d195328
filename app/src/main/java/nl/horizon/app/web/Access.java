package nl.horizon.app.web;

import nl.horizon.schema.Classification;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may use a route: an open route needs no credentials; any other needs a caller holding one of
 * {@code roles} and, for a route whose answers count classified activity, a clearance.
 *
 * @param roles     any of these roles lets a caller in; empty for an open route
 * @param clearance the clearance a caller needs besides a role, and why; empty when a role is enough
 * @param feedToken whether a {@link FeedTokens feed token} in the query ({@code ?token=}) is credentials here:
 *                  on the feeds only, which feed readers fetch by URL
 */
public record Access(Set<Role> roles, Optional<Clearance> clearance, boolean feedToken) {

    /**
     * A clearance a route needs.
     *
     * @param needed the lowest clearance that may use the route
     * @param why    what the route's answer holds, told to a caller refused for its clearance
     */
    public record Clearance(Classification needed, String why) {
    }

    /** No credentials needed: the health checks, the sign-in page and the dashboard's static files. */
    public static final Access OPEN = new Access(Set.of(), Optional.empty(), false);
    /** Whoever reads the dashboard, search, signals, countries, briefings and feeds. */
    public static final Access READERS = roles(Role.VIEWER, Role.ANALYST, Role.ADMIN);
    /** The readers, or a feed reader with one of their feed tokens. */
    public static final Access FEED_READERS = new Access(READERS.roles(), Optional.empty(), true);
    /** Whoever triages signals and keeps saved queries. */
    public static final Access ANALYSTS = roles(Role.ANALYST);
    /**
     * The operator cleared for the top of the ladder: the metrics count classified activity (requests per
     * route, matches, publications per classification tier, caveated reports kept out of scoring), so they
     * would tell a reader of a lower tier that classified reports arrived and when.
     */
    public static final Access OPERATORS = new Access(Set.of(Role.ADMIN),
            Optional.of(new Clearance(Classification.top(), "metrics count classified activity")), false);
    /** A post pushing its own situation reports. */
    public static final Access POSTS = roles(Role.INGEST_POST);
    /** A partner pushing its own reports. */
    public static final Access PARTNERS = roles(Role.INGEST_PARTNER);

    public Access {
        roles = Set.copyOf(roles);
    }

    private static Access roles(Role... roles) {
        return new Access(Set.of(roles), Optional.empty(), false);
    }

    /** Whether no credentials are needed. */
    public boolean open() {
        return roles.isEmpty();
    }

    /** Whether a caller holds a role that lets it in. */
    public boolean admits(Caller caller) {
        return roles.stream().anyMatch(caller::has);
    }

    /** The roles that let a caller in, by label, sorted: what a refusal names. */
    public List<String> roleLabels() {
        return roles.stream().map(Role::label).sorted().toList();
    }
}

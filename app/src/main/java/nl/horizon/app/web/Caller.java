package nl.horizon.app.web;

import nl.horizon.index.Visibility;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Identity;

import java.util.Set;

/**
 * Who is asking, and what they may see and do. Only an authenticated request has a caller: a request
 * without valid credentials gets no further than its 401.
 *
 * @param identity  who it is: an account or a person, each in its own namespace
 * @param roles     what it may do
 * @param clearance the highest classification it may see
 * @param caveats   the dissemination caveats it holds (need to know): a caveated report is seen only by
 *                  holders of all its caveats
 */
public record Caller(Identity identity, Set<Role> roles, Classification clearance, Set<String> caveats) {

    public Caller {
        caveats = Set.copyOf(caveats);
    }

    /** A caller holding no caveats. */
    public Caller(Identity identity, Set<Role> roles, Classification clearance) {
        this(identity, roles, clearance, Set.of());
    }

    /** What it may see in the index. */
    public Visibility visibility() {
        return new Visibility(clearance, caveats);
    }

    /** What keys the caller's saved queries, matches and audit events: never the name shown. */
    public String id() {
        return identity.id();
    }

    /** The name shown: an account's name or a person's {@code preferred_username}; not unique. */
    public String name() {
        return identity.name();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}

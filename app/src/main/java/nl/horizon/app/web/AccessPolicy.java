package nl.horizon.app.web;

import com.sun.net.httpserver.Headers;

import java.util.Optional;

/**
 * Decides whether a request may reach its route's handler, before the handler runs and whatever the
 * handler does: credentials for every route that is not open, a role the route admits, the clearance it
 * needs, and the session's CSRF token for a change made with the session cookie (a bearer token is never
 * sent by a browser on its own, so it needs none). Kept apart from the server so that each rule can be
 * tested on its own, and so that no handler can forget one.
 */
public final class AccessPolicy {

    /** What becomes of a request. */
    public sealed interface Decision {
    }

    /**
     * The handler runs.
     *
     * @param caller who it runs for; null on an open route, which never looks at credentials
     */
    public record Allow(Caller caller) implements Decision {
    }

    /** A browser without a session is sent to the sign-in page. */
    public record SignIn() implements Decision {
    }

    /**
     * The request is refused with a status, an error code and a reason.
     *
     * @param challenge whether the answer names the bearer scheme ({@code WWW-Authenticate}): a 401
     */
    public record Refuse(int status, String code, String message, boolean challenge) implements Decision {
    }

    /**
     * Decides one request.
     *
     * @param access  who may use the route it matched
     * @param method  the request's method
     * @param path    the request's path as sent
     * @param headers the request's headers
     * @param who     the caller its credentials prove; empty when it has none or wrong ones
     */
    public Decision decide(Access access, String method, String path, Headers headers,
                           Optional<Authenticator.Authenticated> who) {
        if (access.open()) {
            return new Allow(null);
        }
        if (who.isEmpty()) {
            if (path.equals("/") && headers.getFirst("Authorization") == null) {
                return new SignIn();
            }
            return new Refuse(401, "unauthorized", "sign in, or send a valid bearer token", true);
        }
        Caller caller = who.get().caller();
        if (!access.admits(caller)) {
            return new Refuse(403, "forbidden", "'" + caller.name() + "' has no role of " + access.roleLabels(), false);
        }
        Optional<Access.Clearance> clearance = access.clearance();
        if (clearance.isPresent() && !clearance.get().needed().visibleTo(caller.clearance())) {
            return new Refuse(403, "forbidden", clearance.get().why() + ": '" + caller.name()
                    + "' needs clearance " + clearance.get().needed().label(), false);
        }
        Sessions.Session session = who.get().session();
        if (session != null && !method.equals("GET")
                && !session.csrfMatches(headers.getFirst(Sessions.CSRF_HEADER))) {
            return new Refuse(403, "csrf", "a change made with the session cookie needs its "
                    + Sessions.CSRF_HEADER + " header", false);
        }
        return new Allow(caller);
    }
}

package nl.horizon.app.web;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions of the dashboard. A person signs in once with a token (their identity provider's
 * JWT, or an account token); the browser then holds only a random session id in an {@code HttpOnly},
 * {@code SameSite=Strict} cookie, so page scripts never see a credential. Each session has its own CSRF
 * token, which every state-changing request made with the cookie must echo in {@code X-CSRF-Token}.
 * Sessions live in this instance's memory and end after {@link #LIFETIME}; behind a load balancer, use
 * sticky sessions or let the proxy send the person's bearer token on every request.
 */
public final class Sessions {

    /** The cookie's name. */
    public static final String COOKIE = "horizon_session";
    /** The header that carries the CSRF token. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final Duration LIFETIME = Duration.ofHours(8);

    /** A signed-in browser. */
    public record Session(String id, Caller caller, String csrfToken, Instant expires) {

        /** Whether a request's CSRF header is this session's token (compared in constant time). */
        public boolean csrfMatches(String header) {
            return header != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                    header.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Clock clock;
    private final boolean secureCookies;

    /**
     * @param secureCookies mark the cookie {@code Secure}: set it whenever the dashboard is reached over HTTPS
     */
    public Sessions(Clock clock, boolean secureCookies) {
        this.clock = clock;
        this.secureCookies = secureCookies;
    }

    /** Starts a session for a caller who has just proved who they are. */
    public Session start(Caller caller) {
        byId.values().removeIf(s -> s.expires().isBefore(clock.instant()));
        Session session = new Session(Accounts.newToken(), caller, Accounts.newToken(),
                clock.instant().plus(LIFETIME));
        byId.put(session.id(), session);
        return session;
    }

    /** The live session a {@code Cookie} header names. */
    public Optional<Session> find(String cookieHeader) {
        if (cookieHeader == null) {
            return Optional.empty();
        }
        for (String cookie : cookieHeader.split(";")) {
            String trimmed = cookie.trim();
            if (trimmed.startsWith(COOKIE + "=")) {
                Session session = byId.get(trimmed.substring(COOKIE.length() + 1));
                if (session != null && session.expires().isAfter(clock.instant())) {
                    return Optional.of(session);
                }
            }
        }
        return Optional.empty();
    }

    /** Ends a session. */
    public void end(Session session) {
        byId.remove(session.id());
    }

    /** The {@code Set-Cookie} value that hands a session to the browser. */
    public String cookie(Session session) {
        return COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + LIFETIME.toSeconds()
                + (secureCookies ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that removes the session cookie. */
    public String expiredCookie() {
        return COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + (secureCookies ? "; Secure" : "");
    }
}

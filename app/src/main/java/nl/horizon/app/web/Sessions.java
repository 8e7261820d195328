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
 * Sessions live in this instance's memory and end after {@link #LIFETIME}, or sooner when the token
 * they were started from expires: a person's JWT is short-lived on purpose, and a session must not keep
 * its access alive after it. Behind a load balancer, use sticky sessions or let the proxy send the
 * person's bearer token on every request.
 */
public final class Sessions {

    /** The cookie's name. */
    public static final String COOKIE = "horizon_session";
    /** The header that carries the CSRF token. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final Duration LIFETIME = Duration.ofHours(8);

    /**
     * A signed-in browser.
     *
     * @param expires when it ends: {@link #LIFETIME} after sign-in, or the expiry of the token it started
     *                from, whichever comes first
     */
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

    /** Starts a session for a caller who has just proved who they are; it ends no later than the proof. */
    public Session start(Proof proof) {
        Instant now = clock.instant();
        byId.values().removeIf(s -> s.expires().isBefore(now));
        Instant lifetimeEnds = now.plus(LIFETIME);
        Session session = new Session(Accounts.newToken(), proof.caller(), Accounts.newToken(),
                proof.expires().isBefore(lifetimeEnds) ? proof.expires() : lifetimeEnds);
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

    /** The {@code Set-Cookie} value that hands a session to the browser, which drops it when the session ends. */
    public String cookie(Session session) {
        long seconds = Math.max(0, Duration.between(clock.instant(), session.expires()).toSeconds());
        return COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + seconds
                + (secureCookies ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that removes the session cookie. */
    public String expiredCookie() {
        return COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + (secureCookies ? "; Secure" : "");
    }
}

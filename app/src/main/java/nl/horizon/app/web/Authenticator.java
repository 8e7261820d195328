package nl.horizon.app.web;

import com.sun.net.httpserver.HttpExchange;

import java.util.Optional;

/**
 * Who a request comes from: a bearer token (an account's token, or a person's JWT from the identity
 * provider), or the dashboard's session cookie. One place decides, so the API, the pages, the feeds and
 * the exports all trust the same credentials.
 */
public final class Authenticator {

    /**
     * An authenticated request.
     *
     * @param caller  who it is
     * @param session the browser session it came with; null for a bearer token, which a browser never sends
     *                on its own and so needs no CSRF check
     */
    public record Authenticated(Caller caller, Sessions.Session session) {
    }

    private final Accounts accounts;
    private final Optional<PeopleTokens> people;
    private final Sessions sessions;

    public Authenticator(Accounts accounts, Optional<PeopleTokens> people, Sessions sessions) {
        this.accounts = accounts;
        this.people = people;
        this.sessions = sessions;
    }

    /** The request's caller; empty when it has no credentials or wrong ones. */
    public Optional<Authenticated> authenticate(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null) {
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Optional.empty();
            }
            return token(header.substring(7).trim()).map(proof -> new Authenticated(proof.caller(), null));
        }
        return sessions.find(exchange.getRequestHeaders().getFirst("Cookie"))
                .map(session -> new Authenticated(session.caller(), session));
    }

    /** What a token proves: a JWT goes to the identity provider's keys, anything else to the accounts. */
    public Optional<Proof> token(String token) {
        if (token.isEmpty() || token.length() > 16_384) {
            return Optional.empty();
        }
        if (PeopleTokens.looksLikeJwt(token)) {
            return people.flatMap(p -> p.authenticate(token));
        }
        return accounts.authenticate(token).map(Proof::ofAccount);
    }
}

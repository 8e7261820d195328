package nl.horizon.app.web;

import com.sun.net.httpserver.HttpExchange;
import io.micrometer.core.instrument.Metrics;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/** Signing a browser in and out, and telling the dashboard who it is. */
public final class SessionHandlers {

    private static final int LOGIN_BYTES = 20_000;

    /** What a token proves, if anything. */
    @FunctionalInterface
    public interface Tokens {
        Optional<Proof> token(String token);
    }

    private final Tokens tokens;
    private final Sessions sessions;
    private final AuditTrail audit;
    /** Where readers reach this server: the sign-in form may be posted from there. */
    private final String baseUrl;

    public SessionHandlers(Tokens tokens, Sessions sessions, AuditTrail audit, String baseUrl) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.audit = audit;
        this.baseUrl = baseUrl;
    }

    /**
     * Signs a browser in with a token from the sign-in form: an identity provider's JWT or an account
     * token of a reader. The form may only be posted from this server's own pages: from the public base
     * URL, or from the address the browser reached it at. Audited here, where it is known who signed in.
     */
    void login(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        String host = exchange.getRequestHeaders().getFirst("Host");
        URI base = URI.create(baseUrl);
        if (origin != null && !origin.equals(base.getScheme() + "://" + base.getRawAuthority())
                && !origin.equals("http://" + host)
                && !origin.equals("https://" + host)) {
            Http.error(exchange, 403, "csrf", "the sign-in form may only be posted from this site");
            return;
        }
        Optional<byte[]> body = Http.body(exchange, LOGIN_BYTES);
        if (body.isEmpty()) {
            return;
        }
        String token = Http.first(Http.form(new String(body.get(), StandardCharsets.UTF_8)), "token").trim();
        Optional<Proof> proof = tokens.token(token).filter(p -> Access.READERS.admits(p.caller()));
        Metrics.counter(WebMetrics.LOGINS, "outcome", proof.isPresent() ? "signed-in" : "refused").increment();
        if (proof.isEmpty()) {
            Http.redirect(exchange, "/login?failed");
        } else {
            exchange.getResponseHeaders().add("Set-Cookie", sessions.cookie(sessions.start(proof.get())));
            Http.redirect(exchange, "/");
        }
        audit.record(exchange, proof.map(Proof::caller).orElse(null), "/login", 303);
    }

    void logout(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        sessions.find(exchange.getRequestHeaders().getFirst("Cookie")).ifPresent(sessions::end);
        exchange.getResponseHeaders().add("Set-Cookie", sessions.expiredCookie());
        exchange.sendResponseHeaders(204, -1);
    }

    /** Who the caller is, and the CSRF token the dashboard sends with changes. */
    void me(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", caller.id());
        body.put("name", caller.name());
        body.put("roles", caller.roles().stream().map(Role::label).sorted().toList());
        body.put("clearance", caller.clearance());
        body.put("caveats", caller.caveats().stream().sorted().toList());
        sessions.find(exchange.getRequestHeaders().getFirst("Cookie"))
                .ifPresent(s -> body.put("csrfToken", s.csrfToken()));
        Http.json(exchange, 200, body);
    }
}

package nl.horizon.app.web;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * A reader's feed tokens: made, listed and revoked by the reader, each request audited as any other (a
 * token is never in the audit: the trail keeps {@code token=} out of every target).
 */
public final class FeedTokenHandlers {

    private final FeedTokens tokens;

    public FeedTokenHandlers(FeedTokens tokens) {
        this.tokens = tokens;
    }

    void list(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Http.json(exchange, 200, Map.of("feedTokens", tokens.of(caller.id())));
    }

    /** Makes a token with the caller's clearance and caveats; the answer is the only time it is shown. */
    void create(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        try {
            Http.json(exchange, 201, tokens.create(caller));
        } catch (IOException e) {
            Http.error(exchange, 503, "unavailable", "the token could not be stored; try again");
        }
    }

    void revoke(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        try {
            if (!tokens.revoke(path.group(1), caller.id())) {
                Http.error(exchange, 404, "not_found", "no feed token '" + path.group(1) + "' of yours");
                return;
            }
        } catch (IOException e) {
            Http.error(exchange, 503, "unavailable", "the revocation could not be stored; try again");
            return;
        }
        exchange.sendResponseHeaders(204, -1);
    }
}

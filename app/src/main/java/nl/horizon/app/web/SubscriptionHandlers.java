package nl.horizon.app.web;

import com.sun.net.httpserver.HttpExchange;
import nl.horizon.index.InvalidQueryException;
import nl.horizon.index.MatchInbox;
import nl.horizon.index.SavedQueries;
import nl.horizon.schema.Json;
import nl.horizon.schema.Subscription;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;

/** An analyst's saved queries and what they matched. */
public final class SubscriptionHandlers {

    private static final int SUBSCRIPTION_BYTES = 4096;

    private final SavedQueries savedQueries;
    private final MatchInbox inbox;
    private final Clock clock;

    public SubscriptionHandlers(SavedQueries savedQueries, MatchInbox inbox, Clock clock) {
        this.savedQueries = savedQueries;
        this.inbox = inbox;
        this.clock = clock;
    }

    void list(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Http.json(exchange, 200, Map.of("subscriptions", savedQueries.of(caller.id())));
    }

    void matches(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Http.json(exchange, 200, Map.of("matches", inbox.of(caller.id(), caller.clearance())));
    }

    /** Saves a query for the caller: {"query": "..."}; matched from now on under the caller's clearance. */
    void subscribe(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Optional<byte[]> body = Http.body(exchange, SUBSCRIPTION_BYTES);
        if (body.isEmpty()) {
            return;
        }
        String query;
        try {
            query = Json.mapper().readTree(body.get()).path("query").asText("");
        } catch (IOException e) {
            Http.error(exchange, 400, "malformed", "send {\"query\": \"...\"} as JSON");
            return;
        }
        if (query.isBlank()) {
            Http.error(exchange, 400, "invalid_field", "'query' is missing or empty");
            return;
        }
        try {
            savedQueries.check(query);
        } catch (InvalidQueryException e) {
            Http.error(exchange, 400, "invalid_query", e.getMessage());
            return;
        }
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), caller.id(), query,
                caller.clearance(), clock.instant());
        try {
            savedQueries.save(subscription);
        } catch (IOException e) {
            Http.error(exchange, 503, "unavailable", e.getMessage());
            return;
        }
        Http.json(exchange, 201, subscription);
    }

    void unsubscribe(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Optional<Subscription> subscription = savedQueries.get(path.group(1));
        if (subscription.isEmpty() || !subscription.get().owner().equals(caller.id())) {
            Http.error(exchange, 404, "not_found", "no subscription '" + path.group(1) + "' of yours");
            return;
        }
        try {
            savedQueries.delete(path.group(1));
        } catch (IOException e) {
            Http.error(exchange, 503, "unavailable", e.getMessage());
            return;
        }
        exchange.sendResponseHeaders(204, -1);
    }
}

package nl.horizon.app.web;

import nl.horizon.app.views.Briefing;
import nl.horizon.app.views.CountryPage;
import nl.horizon.app.views.Overview;
import nl.horizon.app.views.SignalLine;
import nl.horizon.app.views.SignalPage;
import nl.horizon.index.MatchInbox;
import nl.horizon.index.SavedQueries;
import nl.horizon.index.SearchResult;
import nl.horizon.ingest.push.PushOutcome;
import nl.horizon.schema.AuditEvent;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Detection;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Lifecycle;
import nl.horizon.schema.Markings;
import nl.horizon.schema.Revision;
import nl.horizon.schema.RiskLevel;
import nl.horizon.schema.Signal;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Topics;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Horizon's HTTP server, router, access policy and handlers over an in-memory read side: no broker, no
 * index. Feed tokens are kept in the given folder. The read side holds two signals (a public one for Mali, a secret one for Niger); triage, saved
 * queries and the audit write to mock producers, whose records a test reads back. Starts in milliseconds,
 * so the rules of the web layer can be tested one by one; the tests on a real pipeline remain for what
 * only the whole shows.
 */
final class InMemoryWeb implements AutoCloseable {

    static final String VIEWER = "viewer-token-0123456789";
    static final String ANALYST = "analyst-token-0123456789";
    static final String OPERATOR = "operator-token-0123456789";
    static final String UNCLEARED_ADMIN = "uncleared-admin-token-0123456789";
    static final String POST = "post-token-0123456789";
    static final LocalDate DAY = LocalDate.of(2012, 1, 17);
    static final Signal MALI = signal("MLI", Classification.PUBLIC);
    static final Signal NIGER = signal("NER", Classification.SECRET);

    final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
            new ByteArraySerializer());
    final HttpApi api;
    final FeedTokens feedTokens;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private InMemoryWeb(Path dir, Supplier<String> metrics) throws IOException {
        Files.writeString(dir.resolve("accounts.yaml"), "accounts:\n"
                + account("viewer", "[viewer]", "public", VIEWER)
                + account("analyst", "[analyst]", "secret", ANALYST)
                + account("operator", "[admin]", "top-secret", OPERATOR)
                + account("junior-operator", "[admin]", "public", UNCLEARED_ADMIN)
                + account("bamako", "[ingest-post]", "public", POST));
        AuditTrail audit = new AuditTrail(producer, Clock.systemUTC());
        Accounts accounts = Accounts.load(dir.resolve("accounts.yaml"), Markings.standard());
        this.feedTokens = FeedTokens.open(dir.resolve("feed-tokens.json"), Clock.systemUTC(), accounts::caller);
        Sessions sessions = new Sessions(Clock.systemUTC(), false);
        Authenticator authenticator = new Authenticator(accounts, Optional.empty(), sessions);
        LiveUpdates live = new LiveUpdates();
        var server = HttpApi.bind("127.0.0.1", 0);
        String baseUrl = "http://localhost:" + server.getAddress().getPort();
        CapAlerts cap = new CapAlerts("horizon.example.org", baseUrl, Duration.ofDays(30));
        SearchFilters filters = new SearchFilters(List.of("security.armed-clash"));
        WebRoutes routes = new WebRoutes(new DashboardHandlers(new Dashboard(), live, audit),
                new SessionHandlers(authenticator::token, sessions, audit, baseUrl),
                new OperationsHandlers(() -> Map.of("streams", "up"), metrics),
                new SituationHandlers((clearance, since) -> new Overview(DAY, since, List.of(), List.of()),
                        (country, reader) -> new CountryPage(country, country, null, null, List.of(), List.of(),
                                List.of(), List.of(), List.of(), null, null),
                        (from, to, clearance, evidence) -> new Briefing(from, to, List.of(), List.of(),
                                List.of(), clearance)),
                new SearchHandlers(request -> new SearchResult(0, List.of(), Map.of(), false), (id, reader) -> Optional.empty(),
                        filters),
                new SignalHandlers((id, clearance) -> find(id, clearance).map(s -> new SignalPage(
                        new SignalLine(s, s.country(), s.headline(), null), List.of(), List.of())),
                        (id, clearance) -> find(id, clearance),
                        new TriageDesk(producer, Clock.systemUTC())::decide, cap),
                new FeedHandlers((clearance, countries, levels) -> List.of(MALI, NIGER).stream()
                        .filter(s -> s.classification().visibleTo(clearance)).toList(), filters, cap, baseUrl),
                new FeedTokenHandlers(feedTokens),
                new SubscriptionHandlers(new SavedQueries(producer, Clock.systemUTC()), new MatchInbox(),
                        Clock.systemUTC()),
                new IngestHandlers((kind, caller, type, body, max) -> new PushOutcome(202, Map.of("id",
                        kind.label() + ":" + caller)), 1024));
        this.api = HttpApi.serve(server, routes.router(), authenticator, feedTokens, audit, live);
    }

    /** Serves over the in-memory read side, with these metrics. */
    static InMemoryWeb start(Path dir, Supplier<String> metrics) throws IOException {
        return new InMemoryWeb(dir, metrics);
    }

    private static Optional<Signal> find(String id, Classification clearance) {
        return List.of(MALI, NIGER).stream().filter(s -> s.id().equals(id) && s.classification().visibleTo(clearance))
                .findFirst();
    }

    private static Signal signal(String country, Classification tier) {
        return new Signal(country + ":" + tier.label() + ":" + DAY + ":new", country, DAY, Lifecycle.NEW,
                RiskLevel.WARNING, 61.5, 20.0,
                new Detection("negative-binomial-tail", "1", "security.armed-clash", 6, 0.4, 4.2, 50),
                List.of("post:bamako:1"), Set.of(SourceKind.POST, SourceKind.EVENT_DATA), tier,
                new Revision(1, DAY, false));
    }

    private static String account(String name, String roles, String clearance, String token) {
        try {
            return "  - {name: " + name + ", roles: " + roles + ", clearance: " + clearance + ", token-sha256: "
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8))) + "}\n";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request with a bearer token (null: none) and a JSON body for a change. */
    HttpResponse<String> send(String method, String path, String token, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        String body = headers.getOrDefault("Content-Type", "").startsWith("application/x-www-form") ? ""
                : "{\"outcome\": \"acknowledged\", \"query\": \"coup\"}";
        return http.send(request.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(headers.getOrDefault("Body", body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token, Map.of());
    }

    /** What was written to a topic, values as text. */
    List<String> written(String topic) {
        return producer.history().stream().filter(r -> r.topic().equals(topic))
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    /**
     * The audit events that satisfy a condition, once there is one (or after 5 s): a request is audited once
     * answered, so its event may come just after the client has its answer.
     */
    List<AuditEvent> audited(java.util.function.Predicate<AuditEvent> condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            List<AuditEvent> found = producer.history().stream().filter(r -> r.topic().equals(Topics.AUDIT))
                    .map(r -> JsonSerde.of(AuditEvent.class).deserialize(Topics.AUDIT, r.value()))
                    .filter(condition).toList();
            if (!found.isEmpty() || System.nanoTime() > deadline) {
                return found;
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        api.close();
    }
}

package nl.horizon.app.web;

import com.sun.net.httpserver.Headers;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Identity;
import nl.horizon.schema.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web layer on its own: the router, the access policy and the handlers over an in-memory read side
 * ({@link InMemoryWeb}), without a broker. The same rules are tested on the whole pipeline by
 * {@link WebSecurityTest} and {@link AuditTest}; here each runs in milliseconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebLayerTest {

    private InMemoryWeb web;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        web = InMemoryWeb.start(dir, () -> "# metrics\n");
    }

    @AfterAll
    void stop() {
        web.close();
    }

    private static String signalPath(nl.horizon.schema.Signal signal) {
        return "/api/signals/" + URLEncoder.encode(signal.id(), StandardCharsets.UTF_8);
    }

    @Test
    void theRouterMatchesTemplatesSegmentBySegment() {
        Router router = new Router(java.util.List.of(
                Route.of("GET", "/api/signals/{id}", Access.READERS, (e, c, p) -> { }),
                Route.of("GET", "/api/signals/{id}/cap", Access.READERS, (e, c, p) -> { }),
                Route.of("GET", "/api/countries/{iso3}", Access.READERS, (e, c, p) -> { }).where("iso3", "[A-Z]{3}"),
                Route.of("GET", "/feeds/signals.atom", Access.READERS, (e, c, p) -> { })));

        assertThat(router.match("GET", "/api/signals/MLI%3Apublic/cap")).isInstanceOfSatisfying(Router.Found.class,
                found -> {
                    assertThat(found.route().template()).isEqualTo("/api/signals/{id}/cap");
                    assertThat(found.path().group(1)).isEqualTo("MLI%3Apublic");
                });
        assertThat(router.match("GET", "/api/signals/a/b/c")).isInstanceOf(Router.NotFound.class);
        assertThat(router.match("POST", "/api/signals/x")).isInstanceOf(Router.MethodNotAllowed.class);
        assertThat(router.match("GET", "/api/countries/mli")).as("a parameter's pattern holds")
                .isInstanceOf(Router.NotFound.class);
        assertThat(router.match("GET", "/feeds/signalsXatom")).as("a dot in a template is a dot, not a wildcard")
                .isInstanceOf(Router.NotFound.class);
    }

    @Test
    void theAccessPolicyDecidesBeforeAnyHandler() {
        AccessPolicy policy = new AccessPolicy();
        Caller viewer = new Caller(Identity.account("v"), Set.of(Role.VIEWER), Classification.SECRET);
        Caller lowAdmin = new Caller(Identity.account("a"), Set.of(Role.ADMIN), Classification.SECRET);
        Headers none = new Headers();
        Sessions.Session session = new Sessions.Session("s", viewer, "csrf-1", Instant.MAX);

        assertThat(policy.decide(Access.OPEN, "GET", "/health", none, Optional.empty()))
                .isEqualTo(new AccessPolicy.Allow(null));
        assertThat(policy.decide(Access.READERS, "GET", "/", none, Optional.empty()))
                .isInstanceOf(AccessPolicy.SignIn.class);
        assertThat(policy.decide(Access.READERS, "GET", "/api/me", none, Optional.empty()))
                .isInstanceOfSatisfying(AccessPolicy.Refuse.class, r -> assertThat(r.status()).isEqualTo(401));
        assertThat(policy.decide(Access.ANALYSTS, "GET", "/api/matches", none,
                Optional.of(new Authenticator.Authenticated(viewer, null))))
                .isEqualTo(new AccessPolicy.Refuse(403, "forbidden", "'v' has no role of [analyst]", false));
        assertThat(policy.decide(Access.OPERATORS, "GET", "/metrics", none,
                Optional.of(new Authenticator.Authenticated(lowAdmin, null))))
                .isInstanceOfSatisfying(AccessPolicy.Refuse.class,
                        r -> assertThat(r.message()).endsWith("'a' needs clearance top-secret"));
        assertThat(policy.decide(Access.READERS, "POST", "/logout", none,
                Optional.of(new Authenticator.Authenticated(viewer, session))))
                .isInstanceOfSatisfying(AccessPolicy.Refuse.class, r -> assertThat(r.code()).isEqualTo("csrf"));
        Headers withToken = new Headers();
        withToken.set(Sessions.CSRF_HEADER, "csrf-1");
        assertThat(policy.decide(Access.READERS, "POST", "/logout", withToken,
                Optional.of(new Authenticator.Authenticated(viewer, session)))).isEqualTo(new AccessPolicy.Allow(viewer));
        assertThat(policy.decide(Access.READERS, "POST", "/logout", none,
                Optional.of(new Authenticator.Authenticated(viewer, null))))
                .as("a bearer token needs no CSRF token").isEqualTo(new AccessPolicy.Allow(viewer));
    }

    @Test
    void aSignalBeyondTheCallersClearanceIsTheSame404AsNone() throws Exception {
        HttpResponse<String> mali = web.get(signalPath(InMemoryWeb.MALI), InMemoryWeb.VIEWER);
        assertThat(mali.statusCode()).isEqualTo(200);
        assertThat(mali.body()).contains("\"country\":\"MLI\"");
        assertThat(mali.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        HttpResponse<String> niger = web.get(signalPath(InMemoryWeb.NIGER), InMemoryWeb.VIEWER);
        HttpResponse<String> nothing = web.get("/api/signals/nothing", InMemoryWeb.VIEWER);
        assertThat(niger.statusCode()).isEqualTo(404);
        assertThat(niger.body()).isEqualTo(nothing.body().replace("nothing",
                InMemoryWeb.NIGER.id()));
        assertThat(web.get(signalPath(InMemoryWeb.NIGER), InMemoryWeb.ANALYST).statusCode()).isEqualTo(200);
        assertThat(web.get(signalPath(InMemoryWeb.MALI) + "/cap", InMemoryWeb.VIEWER).body())
                .contains("<sender>horizon.example.org</sender>");
        assertThat(web.get("/feeds/signals.atom", InMemoryWeb.VIEWER).body()).contains("MLI")
                .doesNotContain("NER");
    }

    @Test
    void rolesAndCredentialsDecideWhoReachesAHandler() throws Exception {
        HttpResponse<String> stranger = web.get("/api/overview", null);
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(stranger.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"horizon\"");
        assertThat(web.get("/", null).headers().firstValue("Location")).hasValue("/login");
        assertThat(web.get("/api/overview", "wrong").statusCode()).isEqualTo(401);
        assertThat(web.get("/api/overview", InMemoryWeb.POST).statusCode()).isEqualTo(403);
        assertThat(web.get("/api/overview?since=2012-01-01", InMemoryWeb.VIEWER).body())
                .contains("\"since\":\"2012-01-01\"");
        assertThat(web.get("/api/overview?since=yesterday", InMemoryWeb.VIEWER).statusCode()).isEqualTo(400);
        assertThat(web.get("/health", null).statusCode()).isEqualTo(200);
        assertThat(web.get("/metrics", InMemoryWeb.UNCLEARED_ADMIN).body()).contains("needs clearance top-secret");
        assertThat(web.get("/metrics", InMemoryWeb.OPERATOR).body()).isEqualTo("# metrics\n");
        assertThat(web.get("/api/search?level=red", InMemoryWeb.VIEWER).statusCode()).isEqualTo(400);
        assertThat(web.get("/api/search?q=coup", InMemoryWeb.VIEWER).body()).contains("\"total\":0");
        assertThat(web.get("/nowhere", InMemoryWeb.VIEWER).statusCode()).isEqualTo(404);
        assertThat(web.send("DELETE", "/api/overview", InMemoryWeb.VIEWER, Map.of()).statusCode()).isEqualTo(405);
    }

    @Test
    void anAnalystsDecisionIsWrittenAndAuditedUnderTheRoutesTemplate() throws Exception {
        String triage = signalPath(InMemoryWeb.MALI) + "/triage";
        assertThat(web.send("POST", triage, InMemoryWeb.VIEWER, Map.of()).statusCode()).isEqualTo(403);
        HttpResponse<String> decided = web.send("POST", triage, InMemoryWeb.ANALYST, Map.of());
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        assertThat(web.written(Topics.TRIAGE)).anySatisfy(d -> assertThat(d).contains("acknowledged"));
        assertThat(web.audited(e -> e.actor().equals("account:analyst") && e.method().equals("POST")
                        && e.target().endsWith("/triage") && e.status() == 201))
                .singleElement().satisfies(e -> {
                    assertThat(e.route()).isEqualTo("/api/signals/{id}/triage");
                    assertThat(e.classification()).as("the path holds what the caller typed")
                            .isEqualTo(Classification.SECRET);
                });
        assertThat(web.get("/api/signals", InMemoryWeb.VIEWER).statusCode()).isEqualTo(404);
        assertThat(web.audited(e -> e.route().equals(AuditTrail.UNKNOWN_ROUTE) && e.target().equals("/api/signals")))
                .singleElement().satisfies(e -> assertThat(e.classification()).isEqualTo(Classification.PUBLIC));
    }

    @Test
    void aChangeWithTheSessionCookieNeedsItsCsrfToken() throws Exception {
        HttpResponse<String> signIn = web.send("POST", "/login", null, Map.of("Content-Type",
                "application/x-www-form-urlencoded", "Body", "token=" + InMemoryWeb.ANALYST));
        assertThat(signIn.statusCode()).isEqualTo(303);
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> me = web.send("GET", "/api/me", null, Map.of("Cookie", cookie));
        String csrf = me.body().replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");

        assertThat(web.send("POST", "/api/subscriptions", null, Map.of("Cookie", cookie)).statusCode()).isEqualTo(403);
        assertThat(web.send("POST", "/api/subscriptions", null, Map.of("Cookie", cookie, Sessions.CSRF_HEADER, csrf))
                .statusCode()).isEqualTo(201);
        assertThat(web.send("GET", "/api/subscriptions", null, Map.of("Cookie", cookie)).body()).contains("coup");
        assertThat(web.audited(e -> e.route().equals("/login")))
                .anySatisfy(e -> assertThat(e.actor()).isEqualTo("account:analyst"));
    }

    @Test
    void everyRouteIsAuditedByItsTemplateAndTimedAsAHistogram() throws Exception {
        io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry =
                new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                        io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
        Router router = new Router(java.util.List.of(Route.of("GET", "/api/signals/{id}", Access.READERS,
                (e, c, p) -> { })));
        WebMetrics metrics = new WebMetrics(registry, router.routes());
        assertThat(registry.scrape()).as("there from the start").contains(
                "horizon_http_requests_seconds_count{method=\"GET\",route=\"/api/signals/{id}\",status=\"200\"} 0",
                "horizon_http_logins_total{outcome=\"refused\"} 0.0");
        metrics.answered("GET", "/api/signals/{id}", 404, 1_000_000);
        assertThat(registry.scrape()).contains("# HELP horizon_http_requests_seconds " + WebMetrics.REQUESTS_HELP,
                "# TYPE horizon_http_requests_seconds histogram",
                "horizon_http_requests_seconds_bucket{method=\"GET\",route=\"/api/signals/{id}\",status=\"404\",le=\"0.001048576\"} 1");
    }

    /**
     * A handler that throws: the same server, credentials and audit as Horizon's, with metrics that fail when
     * scraped. The caller gets a 500 with a reason, and the audit names the caller.
     */
    @Test
    void aRequestWhoseHandlerFailsIsAuditedWithItsCaller(@TempDir Path other) throws Exception {
        try (InMemoryWeb failing = InMemoryWeb.start(other, () -> {
            throw new IllegalStateException("the metrics registry is gone");
        })) {
            HttpResponse<String> failed = failing.get("/metrics", InMemoryWeb.OPERATOR);
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).contains("\"error\":\"internal\"").doesNotContain("registry");
            assertThat(failing.audited(e -> true)).singleElement().satisfies(e -> {
                assertThat(e.actor()).isEqualTo("account:operator");
                assertThat(e.route()).isEqualTo("/metrics");
                assertThat(e.status()).isEqualTo(500);
                assertThat(e.clearance()).isEqualTo(Classification.TOP_SECRET);
            });
        }
    }

    @Test
    void aFeedTokenOpensTheFeedsOnlyWithinItsOwnersClearanceUntilRevoked(@TempDir Path dir) throws Exception {
        try (InMemoryWeb own = InMemoryWeb.start(dir, () -> "")) {
            HttpResponse<String> made = own.send("POST", "/api/feed-tokens", InMemoryWeb.VIEWER, Map.of());
            assertThat(made.statusCode()).isEqualTo(201);
            com.fasterxml.jackson.databind.JsonNode issued = nl.horizon.schema.Json.mapper().readTree(made.body());
            String token = issued.path("token").asText();
            String id = issued.path("id").asText();
            assertThat(token).startsWith("hft_");
            assertThat(own.get("/api/feed-tokens", InMemoryWeb.VIEWER).body()).contains(id).doesNotContain(token);
            assertThat(own.get("/api/feed-tokens", InMemoryWeb.ANALYST).body()).doesNotContain(id);

            HttpResponse<String> feed = own.get("/feeds/signals.atom?level=warning&token=" + token, null);
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.body()).contains("MLI").doesNotContain("NER");
            assertThat(own.get("/feeds/signals.cap.atom?token=" + token, null).statusCode()).isEqualTo(200);
            assertThat(own.get("/api/overview?token=" + token, null).statusCode()).as("feeds only").isEqualTo(401);
            assertThat(own.get("/feeds/signals.rss?token=hft_wrong", null).statusCode()).isEqualTo(401);
            assertThat(own.audited(e -> e.target().startsWith("/feeds/signals.atom") && e.status() == 200))
                    .singleElement().satisfies(e -> {
                        assertThat(e.actor()).isEqualTo("account:viewer");
                        assertThat(e.target()).isEqualTo("/feeds/signals.atom?level=warning&token=(withheld)");
                    });
            assertThat(FeedTokens.open(dir.resolve("feed-tokens.json"), java.time.Clock.systemUTC(),
                    owner -> Optional.of(new Caller(Identity.account("viewer"), Set.of(Role.VIEWER),
                            Classification.PUBLIC))).authenticate(token))
                    .as("kept across a restart").hasValueSatisfying(c -> assertThat(c.id()).isEqualTo("account:viewer"));

            assertThat(own.send("DELETE", "/api/feed-tokens/" + id, InMemoryWeb.ANALYST, Map.of()).statusCode())
                    .as("only its owner revokes it").isEqualTo(404);
            assertThat(own.send("DELETE", "/api/feed-tokens/" + id, InMemoryWeb.VIEWER, Map.of()).statusCode())
                    .isEqualTo(204);
            assertThat(own.get("/feeds/signals.atom?token=" + token, null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aFeedTokenNeverSeesMoreThanItsOwnerNow(@TempDir Path dir) throws Exception {
        Caller secret = new Caller(Identity.account("a"), Set.of(Role.ANALYST), Classification.SECRET, Set.of("NOFORN"));
        Caller demoted = new Caller(Identity.account("a"), Set.of(Role.ANALYST), Classification.PUBLIC);
        java.util.concurrent.atomic.AtomicReference<Optional<Caller>> now =
                new java.util.concurrent.atomic.AtomicReference<>(Optional.of(secret));
        FeedTokens tokens = FeedTokens.open(dir.resolve("t.json"), java.time.Clock.systemUTC(), owner -> now.get());
        String token = tokens.create(secret).token();
        assertThat(tokens.authenticate(token)).hasValue(new Caller(Identity.account("a"), Set.of(Role.VIEWER),
                Classification.SECRET, Set.of("NOFORN")));
        now.set(Optional.of(demoted));
        assertThat(tokens.authenticate(token)).hasValue(new Caller(Identity.account("a"), Set.of(Role.VIEWER),
                Classification.PUBLIC, Set.of()));
        now.set(Optional.empty());
        assertThat(tokens.authenticate(token)).as("an account that is gone").isEmpty();
        Caller person = new Caller(Identity.person("https://idp", "s-1", "e.devries"), Set.of(Role.VIEWER),
                Classification.CONFIDENTIAL);
        assertThat(tokens.authenticate(tokens.create(person).token())).hasValueSatisfying(c ->
                assertThat(c.clearance()).isEqualTo(Classification.CONFIDENTIAL));
    }
}

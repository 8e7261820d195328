package nl.horizon.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import nl.horizon.schema.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authentication, roles, CSRF and clearance on every path of the running server, with bearer tokens,
 * the test identity provider's JWTs and the dashboard's session cookie.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebSecurityTest {

    private DemoPipeline pipeline;
    private String signal;

    @BeforeAll
    void start() throws Exception {
        pipeline = DemoPipeline.get();
        signal = pipeline.signalOf("MLI");
    }

    @Test
    void everyRouteButHealthAndSignInNeedsCredentials() throws Exception {
        String expiredPerson = pipeline.personToken("p", List.of("viewer"), null, "horizon",
                Instant.now().minusSeconds(60));
        for (String route : pipeline.horizon.httpRoutes()) {
            String method = route.substring(0, route.indexOf(' '));
            String path = concrete(route.substring(route.indexOf(' ') + 1));
            boolean open = path.startsWith("/health") || path.equals("/login") || path.startsWith("/assets/");
            for (String token : new String[] {null, "wrong-token", "a.b.c", expiredPerson}) {
                HttpResponse<String> response = pipeline.send(method, path, token, "application/json", "{}", Map.of());
                if (open) {
                    assertThat(response.statusCode()).as("%s with %s", route, token).isNotIn(401, 403);
                } else if (path.equals("/") && token == null) {
                    assertThat(response.statusCode()).as("the dashboard sends strangers to sign in").isEqualTo(303);
                    assertThat(response.headers().firstValue("Location")).hasValue("/login");
                } else {
                    assertThat(response.statusCode()).as("%s with %s", route, token).isEqualTo(401);
                    assertThat(response.body()).doesNotContain(DemoPipeline.SECRET_WORD);
                }
            }
        }
    }

    @Test
    void rolesDecideWhatAnAccountMayDo() throws Exception {
        assertThat(pipeline.get("/api/search?q=mali", DemoPipeline.POST).statusCode()).isEqualTo(403);
        assertThat(pipeline.get("/api/overview", DemoPipeline.PARTNER).statusCode()).isEqualTo(403);
        assertThat(pipeline.send("POST", "/api/signals/" + DemoPipeline.encode(signal) + "/triage", DemoPipeline.VIEWER,
                "application/json", "{\"outcome\":\"acknowledged\"}", Map.of()).statusCode()).isEqualTo(403);
        assertThat(pipeline.get("/api/subscriptions", DemoPipeline.VIEWER).statusCode()).isEqualTo(403);
        assertThat(pipeline.get("/api/overview", DemoPipeline.VIEWER).statusCode()).isEqualTo(200);
        HttpResponse<String> headers = pipeline.get("/api/overview", DemoPipeline.VIEWER);
        assertThat(headers.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                v -> assertThat(v).contains("default-src 'none'"));
        assertThat(headers.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void onlyAnOperatorClearedForTopSecretReadsTheMetrics() throws Exception {
        Instant later = Instant.now().plusSeconds(600);
        assertThat(pipeline.get("/metrics", DemoPipeline.VIEWER).statusCode()).isEqualTo(403);
        assertThat(pipeline.get("/metrics", DemoPipeline.ANALYST).statusCode()).as("secret, but no operator")
                .isEqualTo(403);
        HttpResponse<String> uncleared = pipeline.get("/metrics", pipeline.personToken("ops-c", List.of("admin"),
                "secret", "horizon", later));
        assertThat(uncleared.statusCode()).as("an operator below top-secret").isEqualTo(403);
        assertThat(uncleared.body()).contains("needs clearance top-secret").doesNotContain("horizon_");
        HttpResponse<String> operator = pipeline.get("/metrics", pipeline.personToken("ops-s", List.of("admin"),
                "top-secret", "horizon", later));
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.body()).contains("horizon_http_requests_seconds_count");
    }

    @Test
    void peopleSignInWithTheIdentityProvidersTokens() throws Exception {
        Instant later = Instant.now().plusSeconds(600);
        String person = pipeline.personToken("e.devries", List.of("viewer", "payroll-admin"), "secret", "horizon",
                later);
        JsonNode me = Json.mapper().readTree(pipeline.get("/api/me", person).body());
        assertThat(me.path("name").asText()).isEqualTo("e.devries");
        assertThat(me.path("clearance").asText()).isEqualTo("secret");
        assertThat(me.path("roles").toString()).isEqualTo("[\"viewer\"]");
        assertThat(pipeline.get("/api/search?q=" + DemoPipeline.SECRET_WORD, person).body()).contains("\"total\":1");

        String noClearance = pipeline.personToken("j.jansen", List.of("viewer"), null, "horizon", later);
        assertThat(pipeline.get("/api/search?q=" + DemoPipeline.SECRET_WORD, noClearance).body())
                .contains("\"total\":0");
        assertThat(pipeline.get("/api/me", pipeline.personToken("x", List.of("viewer"), null, "another-app", later))
                .statusCode()).as("wrong audience").isEqualTo(401);
        assertThat(pipeline.get("/api/me", pipeline.personToken("x", List.of("viewer"), "geheim", "horizon", later))
                .statusCode()).as("unknown clearance: a marking's name, not a wire name").isEqualTo(401);
        String forged = pipeline.personToken("x", List.of("admin"), "secret", "horizon", later);
        String[] parts = forged.split("\\.");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"x\",\"iss\":\"https://idp.horizon.test\",\"aud\":\"horizon\",\"exp\":9999999999,\"iat\":1,\"roles\":[\"admin\"],\"clearance\":\"secret\"}"
                        .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(pipeline.get("/api/me", tampered).statusCode()).as("tampered claims").isEqualTo(401);
    }

    @Test
    void browserChangesNeedTheSessionsCsrfToken() throws Exception {
        HttpResponse<String> foreign = pipeline.send("POST", "/login", null, "application/x-www-form-urlencoded",
                "token=" + DemoPipeline.ANALYST, Map.of("Origin", "https://evil.example"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Set-Cookie")).isEmpty();

        String cookie = signIn(DemoPipeline.ANALYST);
        String triage = "/api/signals/" + DemoPipeline.encode(signal) + "/triage";
        String decision = "{\"outcome\":\"escalated\",\"reason\":\"check with the post\"}";
        assertThat(pipeline.send("POST", triage, null, "application/json", decision, Map.of("Cookie", cookie))
                .statusCode()).isEqualTo(403);
        assertThat(pipeline.send("POST", triage, null, "application/json", decision,
                Map.of("Cookie", cookie, Sessions.CSRF_HEADER, "guess")).statusCode()).isEqualTo(403);
        String csrf = Json.mapper().readTree(pipeline.send("GET", "/api/me", null, "application/json", "",
                Map.of("Cookie", cookie)).body()).path("csrfToken").asText();
        assertThat(pipeline.send("POST", triage, null, "application/json", decision,
                Map.of("Cookie", cookie, Sessions.CSRF_HEADER, csrf)).statusCode()).isEqualTo(201);

        assertThat(pipeline.send("POST", "/logout", null, "application/json", "",
                Map.of("Cookie", cookie, Sessions.CSRF_HEADER, csrf)).statusCode()).isEqualTo(204);
        assertThat(pipeline.send("GET", "/api/me", null, "application/json", "", Map.of("Cookie", cookie))
                .statusCode()).as("signed out").isEqualTo(401);
    }

    @Test
    void aBrowserSessionEndsWhenThePersonsTokenExpires() throws Exception {
        // a JWT's expiry is in whole seconds: this one expires 3 to 4 seconds from now
        String person = pipeline.personToken("k.bakker", List.of("viewer"), null, "horizon",
                Instant.now().plusSeconds(4));
        Instant expires = com.nimbusds.jwt.SignedJWT.parse(person).getJWTClaimsSet().getExpirationTime().toInstant();
        String cookie = signIn(person);
        assertThat(pipeline.send("GET", "/api/me", null, "application/json", "", Map.of("Cookie", cookie))
                .statusCode()).isEqualTo(200);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires).toMillis()) + 500);
        assertThat(pipeline.send("GET", "/api/me", null, "application/json", "", Map.of("Cookie", cookie))
                .statusCode()).as("the session ended with the token").isEqualTo(401);
    }

    @Test
    void aSecretReportNeverReachesAPublicReaderOnAnyPath() throws Exception {
        String word = DemoPipeline.SECRET_WORD;
        List<String> paths = new ArrayList<>(List.of(
                "/api/search?q=" + word,
                "/api/search?q=" + word + "&kind=report&sort=time",
                "/api/search?q=*:*&country=MLI&limit=100",
                "/api/search?q=menaka&limit=100",
                "/api/overview",
                "/api/countries/MLI",
                "/api/briefing?from=2026-10-01&to=2026-11-20&format=html",
                "/api/briefing?from=2026-10-01&to=2026-11-20&format=md",
                "/api/briefing?from=2026-10-01&to=2026-11-20&format=json",
                "/feeds/signals.atom?country=MLI",
                "/feeds/signals.rss",
                "/api/signals/" + DemoPipeline.encode(signal)));
        paths.add("/api/reports/" + DemoPipeline.encode(Json.mapper().readTree(pipeline.get("/api/search?q=" + word,
                DemoPipeline.ANALYST).body()).path("hits").get(0).path("id").asText()));
        JsonNode publicMali = Json.mapper().readTree(pipeline.get("/api/countries/MLI", DemoPipeline.VIEWER).body());
        for (JsonNode s : publicMali.path("signals")) {
            String id = DemoPipeline.encode(s.path("signal").path("id").asText());
            paths.add("/api/signals/" + id);
            paths.add("/api/signals/" + id + "/cap");
        }
        for (String path : paths) {
            HttpResponse<String> response = pipeline.get(path, DemoPipeline.VIEWER);
            assertThat(response.statusCode()).as(path).isIn(200, 404);
            assertThat(response.body()).as(path).doesNotContainIgnoringCase(word);
            if (response.statusCode() == 200) {
                assertThat(response.body()).as(path).doesNotContain("\"secret\"")
                        .doesNotContain("departmental-confidential");
            }
        }
        JsonNode counted = Json.mapper().readTree(pipeline.get("/api/search?q=*:*", DemoPipeline.VIEWER).body());
        assertThat(counted.path("facets").path("classification").has("secret")).isFalse();

        // the cleared analyst does see it, with a highlight, in the country's evidence and in the briefing
        assertThat(pipeline.get("/api/search?q=" + word, DemoPipeline.ANALYST).body()).contains("<mark>" + word);
        assertThat(pipeline.get("/api/countries/MLI", DemoPipeline.ANALYST).body()).contains(word);
        assertThat(pipeline.get("/api/signals/" + DemoPipeline.encode(signal), DemoPipeline.VIEWER).statusCode())
                .as("the analyst's signal is of a classified tier").isEqualTo(404);
    }

    @Test
    void feedsAreAtomRssAndCap() throws Exception {
        HttpResponse<String> atom = pipeline.get("/feeds/signals.atom?level=alert,warning", DemoPipeline.ANALYST);
        assertThat(atom.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/atom+xml"));
        SyndFeed feed = new SyndFeedInput().build(new StringReader(atom.body()));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getEntries()).isNotEmpty();
        assertThat(feed.getEntries()).allSatisfy(e -> assertThat(e.getCategories())
                .anySatisfy(c -> assertThat(c.getName()).isIn("alert", "warning")));
        assertThat(new SyndFeedInput().build(new StringReader(pipeline.get("/feeds/signals.rss", DemoPipeline.ANALYST)
                .body())).getFeedType()).isEqualTo("rss_2.0");

        HttpResponse<String> cap = pipeline.get("/api/signals/" + DemoPipeline.encode(signal) + "/cap",
                DemoPipeline.ANALYST);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document alert = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(cap.body())));
        assertThat(alert.getDocumentElement().getNamespaceURI()).isEqualTo(CapAlerts.CAP_NAMESPACE);
        assertThat(alert.getElementsByTagNameNS(CapAlerts.CAP_NAMESPACE, "scope").item(0).getTextContent())
                .isEqualTo("Restricted");
        assertThat(alert.getElementsByTagNameNS(CapAlerts.CAP_NAMESPACE, "sent").item(0).getTextContent())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-00:00");
        // the signal's level may have been revised by later input (to calm, "Minor") by the time it is read
        assertThat(alert.getElementsByTagNameNS(CapAlerts.CAP_NAMESPACE, "severity").item(0).getTextContent())
                .isIn("Minor", "Moderate", "Severe", "Extreme");
    }

    @Test
    void feedAndCapLinksStartWithTheConfiguredAddressWhateverTheHostHeaderSays() throws Exception {
        List<String> paths = List.of("/feeds/signals.atom", "/feeds/signals.rss", "/feeds/signals.cap.atom",
                "/api/signals/" + DemoPipeline.encode(signal) + "/cap");
        for (String path : paths) {
            String answer = withHost(path, DemoPipeline.ANALYST, "evil.example");
            assertThat(answer).as(path).startsWith("HTTP/1.1 200")
                    .contains(DemoPipeline.PUBLIC_BASE_URL + "/#/signal/")
                    .doesNotContain("evil.example").doesNotContain("127.0.0.1");
        }
    }

    @Test
    void aMalformedPercentEscapeIsA400WithTheReasonAndAnIdIsDecodedOnce() throws Exception {
        assertThat(withHost("/api/search?q=%zz", DemoPipeline.ANALYST, "localhost"))
                .as("no URI: the JDK's server refuses the request line before Horizon sees it").startsWith("HTTP/1.1 400");
        HttpResponse<String> signIn = pipeline.send("POST", "/login", null, "application/x-www-form-urlencoded",
                "token=%zz", Map.of("Origin", pipeline.base()));
        assertThat(signIn.statusCode()).isEqualTo(400);
        assertThat(signIn.body()).contains("'%zz' has a malformed percent-escape");

        HttpResponse<String> percent = pipeline.get("/api/signals/%25zz", DemoPipeline.ANALYST);
        assertThat(percent.statusCode()).as("an id that cannot exist").isEqualTo(404);
        assertThat(percent.body()).contains("no signal '%zz' that you may see");
        assertThat(pipeline.send("POST", "/api/signals/%25zz/triage", DemoPipeline.ANALYST, "application/json",
                "{\"outcome\":\"acknowledged\"}", Map.of()).statusCode()).isEqualTo(404);
        assertThat(pipeline.get("/api/signals/a%2Bb%25c%20d", DemoPipeline.ANALYST).body())
                .contains("no signal 'a+b%c d' that you may see");
        assertThat(pipeline.get("/api/signals/a+b", DemoPipeline.ANALYST).body()).as("a + in a path is itself")
                .contains("no signal 'a+b' that you may see");
        assertThat(pipeline.audit(e -> e.target().equals("/api/signals/%25zz") && e.status() == 404))
                .isNotEmpty().allSatisfy(e -> assertThat(e.actor()).isEqualTo("account:analyst-s"));
    }

    @Test
    void aTriageDecisionReachesOpenDashboardsAndTheAuditTopic() throws Exception {
        HttpRequest events = HttpRequest.newBuilder(URI.create(pipeline.base() + "/api/events"))
                .header("Authorization", "Bearer " + DemoPipeline.VIEWER).build();
        HttpResponse<InputStream> stream = pipeline.http.send(events, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/event-stream"));
        // the public tier may still be scoring the demo history: wait for a standing public signal
        String publicSignal = pipeline.await("/api/countries/MLI", DemoPipeline.VIEWER, Duration.ofSeconds(120),
                n -> n.path("signals").size() > 0).path("signals").get(0).path("signal").path("id").asText();
        CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    // the signal itself may come by first, while its tier is still scoring: wait for the decision
                    if (line.startsWith("data:") && line.contains(publicSignal) && line.contains("\"outcome\"")) {
                        return line;
                    }
                }
                return "";
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
        HttpResponse<String> decided = pipeline.send("POST", "/api/signals/" + DemoPipeline.encode(publicSignal)
                + "/triage", DemoPipeline.ANALYST, "application/json", "{\"outcome\":\"acknowledged\"}", Map.of());
        assertThat(decided.statusCode()).isEqualTo(201);
        assertThat(received.get(60, TimeUnit.SECONDS)).contains("\"outcome\":\"acknowledged\"");
        stream.body().close();

        assertThat(pipeline.get("/api/overview", null).statusCode()).isEqualTo(401);
        assertThat(pipeline.audit(e -> e.route().endsWith("/triage") && e.status() == 201
                && e.actor().equals("account:analyst-s"))).anySatisfy(e -> {
                    assertThat(e.actorName()).isEqualTo("analyst-s");
                    assertThat(e.method()).isEqualTo("POST");
                    assertThat(e.target()).contains("/triage");
                });
        assertThat(pipeline.audit(e -> e.actor().equals(AuditTrail.UNAUTHENTICATED))).isNotEmpty();
    }

    /** A GET with a Host header of our choosing (Java's HTTP client will not send one): the whole answer. */
    private String withHost(String path, String token, String host) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", pipeline.horizon.httpPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer "
                    + token + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Signs in through the form, as a browser does; returns the session cookie. */
    private String signIn(String token) throws Exception {
        HttpResponse<String> response = pipeline.send("POST", "/login", null, "application/x-www-form-urlencoded",
                "token=" + token, Map.of("Origin", pipeline.base()));
        assertThat(response.statusCode()).isEqualTo(303);
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    /** A route's template with its parameters filled in with plausible values. */
    private String concrete(String template) {
        return template.replace("/api/subscriptions/{id}", "/api/subscriptions/00000000-0000-0000-0000-000000000000")
                .replace("/api/feed-tokens/{id}", "/api/feed-tokens/00000000-0000-0000-0000-000000000000")
                .replace("{id}", DemoPipeline.encode(signal)).replace("{iso3}", "MLI")
                .replace("{partner}", "msf").replace("{file}", "app.js");
    }
}

package nl.horizon.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.app.EmbeddedBroker;
import nl.horizon.app.Horizon;
import nl.horizon.app.HorizonConfig;
import nl.horizon.schema.ContentHash;
import nl.horizon.schema.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two departments share warnings: Horizon A (the demo pipeline, whose sample history raises signals) and
 * Horizon B, a second full Horizon with its own data directory, ports and embedded broker, whose only source
 * is A's CAP feed ({@code /feeds/signals.cap.atom}), read by B's feed connector with the token of A's public
 * viewer account in a file. A's signals arrive in B as reports of the crisis-watch kind carrying A's sender,
 * severity and area, classified as B's {@code feed.classification} says.
 */
class SharingWarningsTest {

    private static final String B_ANALYST = "b-analyst-token";
    private static final String B_VIEWER = "b-viewer-token";

    private static DemoPipeline a;
    private static Horizon b;

    @BeforeAll
    static void startBothDepartments() throws Exception {
        a = DemoPipeline.get();
        Path dir = Files.createTempDirectory("horizon-b-");
        Path token = Files.writeString(dir.resolve("horizon-a.token"), DemoPipeline.VIEWER + "\n");
        Path feeds = Files.writeString(dir.resolve("feeds.yaml"), """
                feeds:
                  - feed.name: horizon-a
                    feed.url: %s/feeds/signals.cap.atom
                    feed.format: cap
                    feed.classification: departmental-confidential
                    feed.token.file: %s
                    poll.interval.ms: 1000
                """.formatted(a.base(), token));
        Path accounts = Files.writeString(dir.resolve("accounts.yaml"), """
                accounts:
                  - {name: b-analyst, roles: [analyst], clearance: departmental-confidential, token-sha256: %s}
                  - {name: b-viewer, roles: [viewer], token-sha256: %s}
                """.formatted(ContentHash.of(B_ANALYST), ContentHash.of(B_VIEWER)));
        Path root = Path.of(System.getProperty("horizon.root", ".."));
        b = Horizon.start(HorizonConfig.of(Map.ofEntries(
                Map.entry(HorizonConfig.DATA_DIR, dir.resolve("data").toString()),
                Map.entry(HorizonConfig.SCORING_DIR, root.resolve("config").toString()),
                Map.entry(HorizonConfig.KAFKA_EMBEDDED_PORT, Integer.toString(EmbeddedBroker.freePort())),
                Map.entry(HorizonConfig.KAFKA_EMBEDDED_CONTROLLER_PORT, Integer.toString(EmbeddedBroker.freePort())),
                Map.entry(HorizonConfig.HTTP_PORT, "0"),
                Map.entry(HorizonConfig.ACCOUNTS_FILE, accounts.toString()),
                Map.entry(HorizonConfig.FEEDS_FILE, feeds.toString()))));
    }

    @AfterAll
    static void stopB() {
        if (b != null) {
            b.close();
        }
    }

    @Test
    void aSignalOfAArrivesInBAsAReportWithSenderSeverityAndArea() throws Exception {
        JsonNode found = await("/api/search?q=&kind=report&source=crisis-watch", B_ANALYST,
                n -> n.path("total").asLong() > 0);

        JsonNode report = found.path("hits").get(0).path("document");
        assertThat(report.path("sourceName").asText()).isEqualTo("horizon-a");
        assertThat(report.path("classification").asText()).as("B's feed.classification")
                .isEqualTo("departmental-confidential");
        JsonNode alert = report.path("alert");
        assertThat(alert.path("sender").asText()).isEqualTo("horizon.example.org");
        assertThat(alert.path("severity").asText()).isIn("Minor", "Moderate", "Severe", "Extreme");
        assertThat(alert.path("geocodes").get(0).path("valueName").asText()).isEqualTo("ISO3166-1-alpha-3");
        String country = alert.path("geocodes").get(0).path("value").asText();
        assertThat(report.path("countries").get(0).asText()).isEqualTo(country);
        assertThat(report.path("title").asText()).startsWith(alert.path("areaDesc").asText() + ": ");
        assertThat(report.path("links").get(0).asText()).startsWith(DemoPipeline.PUBLIC_BASE_URL + "/#/signal/");

        assertThat(await("/api/search?q=&kind=report&source=crisis-watch", B_VIEWER, n -> true).path("total").asLong())
                .as("a public reader of B does not see what B classified departmental-confidential").isZero();
        assertThat(a.audit(e -> e.actor().equals("account:viewer-p") && e.target().startsWith("/feeds/signals.cap.atom")))
                .as("B read A's feed as A's viewer").isNotEmpty();
    }

    private static JsonNode await(String path, String token, java.util.function.Predicate<JsonNode> done)
            throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = a.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + b.httpPort() + path)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && done.test(Json.mapper().readTree(response.body()))) {
                return Json.mapper().readTree(response.body());
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no satisfying answer from B's " + path + "; last: "
                + last.substring(0, Math.min(500, last.length())));
    }
}

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two departments share warnings: Horizon A (the demo pipeline, whose sample history raises signals) and
 * Horizon B, a second full Horizon with its own data directory, ports and embedded broker, whose only source
 * is A's CAP feed ({@code /feeds/signals.cap.atom}), read by B's feed connector with the token of A's public
 * viewer account in a file. A's signals arrive in B as reports of the crisis-watch kind carrying A's sender,
 * severity and area, classified as B's {@code feed.classification} says; a revision of the signal in A
 * supersedes B's report and a withdrawal marks it cancelled, B keeping one report per signal throughout.
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

    /**
     * A's signal on Mozambique (a country the sample history leaves quiet) as A's own input makes it: an event
     * table raises it, a late row for its day revises it, and a year of steady violence before it, learnt
     * late, makes it ordinary, so A withdraws it. A publishes each as the next CAP message of one chain
     * ({@code Alert}, {@code Update}, {@code Cancel}, each referencing the ones before); B keeps one report
     * for the chain, the newest message's text standing in B's index and the Cancel marking it withdrawn,
     * classified all along as B's feed is configured.
     */
    @Test
    void aRevisionOfAsSignalSupersedesBsReportAndAWithdrawalCancelsIt() throws Exception {
        a.dropEvents("moz-onset.csv", ACLED_HEADER + row("MOZ-SHARE-ONSET", ONSET, 150));
        String signalPage = DemoPipeline.PUBLIC_BASE_URL + "/#/signal/" + DemoPipeline.encode("MOZ:public:" + ONSET
                + ":new");
        JsonNode raised = chain(await(MOZAMBIQUE, B_ANALYST, n -> !chain(n, signalPage).isEmpty()), signalPage).get(0);
        String reportId = raised.path("id").asText();
        assertThat(raised.path("alert").path("msgType").asText()).isEqualTo("Alert");
        assertThat(raised.path("body").asText()).contains("observed 150 ");
        assertThat(raised.path("classification").asText()).isEqualTo("departmental-confidential");

        a.dropEvents("moz-late-row.csv", ACLED_HEADER + row("MOZ-SHARE-LATE", ONSET, 40));
        JsonNode revised = awaitChain(reportId, signalPage, r -> r.path("body").asText().contains("observed 190 "));
        assertThat(revised.path("alert").path("msgType").asText()).isEqualTo("Update");
        assertThat(revised.path("alert").path("references").toString()).as("the Update names the first Alert")
                .contains(raised.path("alert").path("identifier").asText());
        assertThat(revised.path("classification").asText()).isEqualTo("departmental-confidential");
        JsonNode newText = await(MOZAMBIQUE + "&q=190", B_ANALYST, n -> n.path("total").asLong() > 0);
        assertThat(newText.findValuesAsText("id")).as("the newer version, found by its text").contains(reportId);
        assertThat(await(MOZAMBIQUE + "&q=150", B_ANALYST, n -> true).findValuesAsText("id"))
                .as("the superseded text is gone from B's index").doesNotContain(reportId);

        StringBuilder steady = new StringBuilder(ACLED_HEADER);
        for (int day = 1; day <= 360; day += 3) {
            steady.append(row("MOZ-SHARE-STEADY-" + day, ONSET.minusDays(day), 20));
        }
        a.dropEvents("moz-steady-year.csv", steady.toString());
        JsonNode withdrawn = awaitChain(reportId, signalPage,
                r -> r.path("alert").path("msgType").asText().equals("Cancel"));
        assertThat(withdrawn.path("title").asText()).startsWith("Mozambique: withdrawn ");
        assertThat(withdrawn.path("classification").asText()).isEqualTo("departmental-confidential");
        assertThat(withdrawn.path("alert").path("references").toString())
                .contains(raised.path("alert").path("identifier").asText(),
                        revised.path("alert").path("identifier").asText());
        assertThat(await(MOZAMBIQUE, B_VIEWER, n -> true).path("total").asLong())
                .as("what B classified stays from B's public readers").isZero();
    }

    private static final String MOZAMBIQUE = "/api/search?kind=report&source=crisis-watch&country=MOZ&limit=100";
    private static final LocalDate ONSET = LocalDate.of(2026, 11, 16);
    private static final String ACLED_HEADER =
            "event_id_cnty,event_date,country,event_type,sub_event_type,location,notes,fatalities\n";

    private static String row(String id, LocalDate day, int dead) {
        return id + "," + day + ",Mozambique,Battles,Armed clash,Mocimboa da Praia,"
                + "Clash between the army and insurgents near Mocimboa da Praia," + dead + "\n";
    }

    /**
     * B's report of A's signal once it satisfies {@code done}, after checking that it is the only report B
     * holds for that signal, under the id the chain began with.
     */
    private static JsonNode awaitChain(String reportId, String signalPage, Predicate<JsonNode> done)
            throws Exception {
        JsonNode found = await(MOZAMBIQUE, B_ANALYST, n -> chain(n, signalPage).stream().anyMatch(done));
        List<JsonNode> chain = chain(found, signalPage);
        assertThat(chain).as("one report for A's signal, never one per message").hasSize(1);
        assertThat(chain.get(0).path("id").asText()).isEqualTo(reportId);
        return chain.get(0);
    }

    private static List<JsonNode> chain(JsonNode found, String signalPage) {
        List<JsonNode> reports = new ArrayList<>();
        found.path("hits").forEach(h -> {
            if (h.path("document").path("links").path(0).asText().equals(signalPage)) {
                reports.add(h.path("document"));
            }
        });
        return reports;
    }

    private static JsonNode await(String path, String token, Predicate<JsonNode> done)
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

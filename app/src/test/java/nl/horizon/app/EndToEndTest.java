package nl.horizon.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import nl.horizon.schema.ContentHash;
import nl.horizon.schema.DeadLetter;
import nl.horizon.schema.Json;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every entry point on real parts: the launcher's own in-process KRaft broker, the embedded Connect
 * worker with its connectors, Kafka Streams, a Lucene index on disk and the HTTP API, with a feed served
 * from 127.0.0.1 and real captured data from {@code ../shared/data}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndTest {

    private static final String CABLE = """
            POST: bamako
            REFERENCE: BAM-2012-%s
            DATE: 2012-01-17
            CLASSIFICATION: %s
            COUNTRY: MLI
            LANGUAGE: en
            SUBJECT: %s

            MNLA fighters attacked the army garrison at Menaka before dawn; the army withdrew.
            """;
    private static final String BAMAKO = "bamako-token";
    private static final String MSF = "msf-token";
    private static final String ANALYST = "analyst-token";
    /** A reader with public clearance: anonymous callers get nothing but the health checks. */
    private static final String VIEWER = "viewer-token";
    /** An operator cleared for top-secret: the only kind of account that reads the metrics. */
    private static final String OPERATOR = "operator-token";

    @TempDir
    static Path dataDir;
    private Horizon horizon;
    private HttpServer feedServer;
    private final HttpClient http = HttpClient.newHttpClient();
    private Path shared;

    @BeforeAll
    void start() throws Exception {
        shared = Path.of(System.getProperty("horizon.root", "..")).resolve("../shared/data").normalize();
        feedServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feedServer.createContext("/rss", exchange -> {
            byte[] body = Files.exists(shared) ? Files.readAllBytes(
                    shared.resolve("feeds/reliefweb_rss_ukraine_2020-09-17_20items.xml")) : new byte[0];
            exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        feedServer.start();
        Path accounts = dataDir.resolve("accounts.yaml");
        Files.writeString(accounts, """
                accounts:
                  - {name: bamako, roles: [ingest-post], token-sha256: %s}
                  - {name: msf, roles: [ingest-partner], token-sha256: %s}
                  - {name: analyst-a, roles: [analyst], clearance: departmental-confidential, token-sha256: %s}
                  - {name: viewer-v, roles: [viewer], token-sha256: %s}
                  - {name: operator-o, roles: [admin], clearance: top-secret, token-sha256: %s}
                """.formatted(ContentHash.of(BAMAKO), ContentHash.of(MSF), ContentHash.of(ANALYST),
                ContentHash.of(VIEWER), ContentHash.of(OPERATOR)));
        Path feeds = dataDir.resolve("feeds.yaml");
        Files.writeString(feeds, """
                feeds:
                  - {feed.name: reliefweb-ukraine, feed.url: "http://127.0.0.1:%d/rss", feed.format: rss}
                """.formatted(feedServer.getAddress().getPort()));
        horizon = Horizon.start(HorizonConfig.of(Map.of(
                HorizonConfig.DATA_DIR, dataDir.toString(),
                HorizonConfig.SCORING_DIR, EmbeddedBrokerTest.repoConfig(),
                HorizonConfig.KAFKA_EMBEDDED_PORT, Integer.toString(EmbeddedBroker.freePort()),
                HorizonConfig.KAFKA_EMBEDDED_CONTROLLER_PORT, Integer.toString(EmbeddedBroker.freePort()),
                HorizonConfig.HTTP_PORT, "0",
                HorizonConfig.POSTS_POLL_INTERVAL_MS, "100",
                HorizonConfig.MAX_ITEM_BYTES, "4096",
                HorizonConfig.ACCOUNTS_FILE, accounts.toString(),
                HorizonConfig.FEEDS_FILE, feeds.toString())));
    }

    @AfterAll
    void stop() {
        if (horizon != null) {
            horizon.close();
        }
        if (feedServer != null) {
            feedServer.stop(0);
        }
    }

    @Test
    void aPostReportIsSearchableOverHttpAndBadFilesAreDeadLettered() throws Exception {
        Path inbox = dataDir.resolve("inbox/posts");
        drop(inbox, "bam-001.txt", CABLE.formatted("001", "public", "Attack on Menaka garrison"));
        drop(inbox, "bam-002.txt", CABLE.formatted("002", "departmental-confidential", "Menaka: post assessment"));
        drop(inbox, "bam-003.txt", CABLE.formatted("003", "public", "Attack on Menaka").replace("MLI", "MALI"));
        drop(inbox, "bam-004.txt", "x".repeat(5000));

        JsonNode found = awaitSearch("menaka AND garrison", 1, VIEWER);
        JsonNode report = found.get("hits").get(0).get("document");
        assertThat(report.get("id").asText()).isEqualTo("post:bamako:BAM-2012-001");
        assertThat(report.get("countries").get(0).asText()).isEqualTo("MLI");

        List<DeadLetter> letters = readDeadLetters(d -> d.stage().startsWith("connector:drop-folder"), 2);
        assertThat(letters).extracting(DeadLetter::reason)
                .containsExactlyInAnyOrder(RejectReason.UNKNOWN_COUNTRY, RejectReason.OVERSIZED);
        assertThat(inbox.resolve("processed/bam-001.txt")).exists();
        assertThat(inbox.resolve("rejected/public/bam-003.txt")).as("filed under the marking it claimed").exists();

        // the classified report is indexed: a cleared analyst finds it, a public reader does not, not even in counts
        String classified = "title:\"post assessment\"";
        assertThat(awaitSearch(classified, 1, ANALYST).get("total").asLong()).isEqualTo(1);
        assertThat(get("/api/search?q=" + URLEncoder.encode(classified, StandardCharsets.UTF_8), VIEWER).body())
                .contains("\"total\":0");
    }

    @Test
    void postsAndPartnersPushAsThemselvesOnly() throws Exception {
        String json = """
                {"post": "bamako", "reference": "BAM-2012-100", "date": "2012-01-20", "classification": "public",
                 "countries": ["MLI"], "subject": "Tessalit besieged", "body": "The camp at Tessalit is besieged."}
                """;
        HttpResponse<String> accepted = post("/api/ingest/posts", BAMAKO, "application/json", json);
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).contains("\"id\":\"post:bamako:BAM-2012-100\"");
        assertThat(awaitSearch("title:\"tessalit besieged\"", 1, VIEWER).get("hits").get(0).get("id").asText())
                .isEqualTo("post:bamako:BAM-2012-100");

        String cable = CABLE.formatted("101", "public", "Gao tense");
        assertThat(post("/api/ingest/posts", BAMAKO, "text/plain; charset=utf-8", cable).statusCode()).isEqualTo(202);

        assertThat(post("/api/ingest/posts", null, "application/json", json).statusCode()).isEqualTo(401);
        assertThat(post("/api/ingest/posts", "wrong-token", "application/json", json).statusCode()).isEqualTo(401);
        assertThat(post("/api/ingest/posts", MSF, "application/json", json).statusCode()).isEqualTo(403);
        HttpResponse<String> forged = post("/api/ingest/posts", BAMAKO, "application/json",
                json.replace("\"bamako\"", "\"kinshasa\""));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("may write only as itself");

        String partner = """
                {"partner": "msf", "reference": "MSF-7", "date": "2012-01-21", "classification": "public",
                 "countries": ["MLI", "MRT"], "subject": "Refugees reach Mbera", "body": "Thousands crossed into Mauritania."}
                """;
        assertThat(post("/api/ingest/partners/msf", MSF, "application/json", partner).statusCode()).isEqualTo(202);
        assertThat(post("/api/ingest/partners/oxfam", MSF, "application/json", partner).statusCode()).isEqualTo(403);
        assertThat(post("/api/ingest/partners/msf", BAMAKO, "application/json", partner).statusCode()).isEqualTo(403);

        HttpResponse<String> bad = post("/api/ingest/partners/msf", MSF, "application/json", "{\"partner\": \"msf\"");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"error\":\"malformed\"").contains("not valid JSON");
        HttpResponse<String> unknownCountry = post("/api/ingest/partners/msf", MSF, "application/json",
                partner.replace("MRT", "Mauritania"));
        assertThat(unknownCountry.statusCode()).isEqualTo(400);
        assertThat(unknownCountry.body()).contains("unknown-country");
        assertThat(post("/api/ingest/partners/msf", MSF, "application/xml", "<x/>").statusCode()).isEqualTo(415);
        assertThat(post("/api/ingest/partners/msf", MSF, "application/json", "x".repeat(5000)).statusCode())
                .isEqualTo(413);
        assertThat(awaitSearch("title:\"refugees reach mbera\"", 1, VIEWER).get("hits").get(0).get("id").asText())
                .isEqualTo("partner:msf:MSF-7");
        assertThat(readDeadLetters(d -> d.stage().equals("push:partner"), 2)).extracting(DeadLetter::reason)
                .contains(RejectReason.MALFORMED, RejectReason.UNKNOWN_COUNTRY);
    }

    @Test
    void aPolledFeedAndADroppedEventTableBecomeSearchable() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(shared), "shared test data not present: " + shared);
        JsonNode feed = awaitSearch("\"legal alert\"", 1, VIEWER);
        assertThat(feed.get("hits").get(0).get("id").asText()).startsWith("news-feed:reliefweb-ukraine:");

        drop(dataDir.resolve("inbox/events"), "ucdp.csv",
                Files.readString(shared.resolve("ucdp/ged_candidate_events_v23_0_10.csv")));
        JsonNode events = awaitSearch("paktika", 1, VIEWER);
        assertThat(events.get("hits").get(0).get("id").asText()).startsWith("event-data:ucdp:");
        assertThat(get("/health", null).body()).contains("\"source:reliefweb-ukraine\":\"up\"")
                .contains("\"connector:event-drop-folder\":\"up\"");
    }

    /**
     * Dates the broker would refuse as record timestamps, through the push endpoints and both drop folders:
     * 65 minutes and a day ahead are accepted (time zones), ten years ahead and 1900 are dead letters with the
     * reason, and a report pushed right after them is searchable within seconds: nothing stalls.
     */
    @Test
    void futureAndAncientDatesNeverStopThePipeline() throws Exception {
        Instant now = Instant.now();
        String pushed = """
                {"post": "bamako", "reference": "BAM-FUT-%s", "date": "%s", "classification": "public",
                 "countries": ["MLI"], "subject": "Dated %s", "body": "A report dated %s."}
                """;
        for (String[] at : List.of(new String[] {"65min", now.plusSeconds(65 * 60).toString()},
                new String[] {"day", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString()},
                new String[] {"decade", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusYears(10).toString()},
                new String[] {"1900", "1900-01-01"})) {
            assertThat(post("/api/ingest/posts", BAMAKO, "application/json",
                    pushed.formatted(at[0], at[1], "push" + at[0], at[1])).statusCode()).isEqualTo(202);
        }
        drop(dataDir.resolve("inbox/posts"), "bam-fut.txt", CABLE.formatted("FUT-DROP", "public", "Dated ahead by an hour")
                .replace("DATE: 2012-01-17", "DATE: " + now.plusSeconds(65 * 60)));
        drop(dataDir.resolve("inbox/events"), "acled-dates.csv", "event_id_cnty,event_date,country,event_type,"
                + "sub_event_type,location,notes,fatalities\n"
                + "FUT1," + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1)
                + ",Mali,Battles,Armed clash,Gao,Dated tomorrow,0\n"
                + "FUT2," + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusYears(10)
                + ",Mali,Battles,Armed clash,Gao,Dated a decade ahead,0\n"
                + "FUT3,1900-01-01,Mali,Battles,Armed clash,Gao,Dated 1900,0\n");

        assertThat(post("/api/ingest/posts", BAMAKO, "application/json",
                pushed.formatted("probe", "2012-01-25", "probe", "an ordinary day")).statusCode()).isEqualTo(202);
        Instant probed = Instant.now();
        awaitSearch("title:\"dated probe\"", 1, VIEWER);
        assertThat(Duration.between(probed, Instant.now())).isLessThan(Duration.ofSeconds(20));
        assertThat(awaitSearch("title:dated", 4, VIEWER).get("total").asLong()).as("65 min and a day ahead, probe")
                .isGreaterThanOrEqualTo(4);
        assertThat(readDeadLetters(d -> d.stage().equals("normalise") && (d.detail().contains("from the future")
                || d.detail().contains("before 1946")), 4)).as("a decade ahead and 1900, pushed and dropped")
                .hasSize(4).allSatisfy(d -> assertThat(d.reason()).isEqualTo(RejectReason.INVALID_FIELD));
        assertThat(get("/health", null).body()).contains("\"streams\":\"up\"");
    }

    @Test
    void aHundredMegabyteBodyIsRefusedWithoutBeingRead() throws Exception {
        long hundredMb = 100L << 20;
        String declared = "POST /api/ingest/posts HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + BAMAKO
                + "\r\nContent-Type: application/json\r\nContent-Length: " + hundredMb + "\r\n\r\n";
        assertThat(rawExchange(declared, 0)).startsWith("HTTP/1.1 413");

        String chunked = "POST /api/ingest/posts HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + BAMAKO
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        assertThat(rawExchange(chunked, hundredMb)).startsWith("HTTP/1.1 413");
        assertThat(get("/api/search", VIEWER).statusCode()).as("still serving").isEqualTo(200);
    }

    /** Sends a request head, then up to {@code chunkedBytes} of chunked body from another thread; returns the status line. */
    private String rawExchange(String head, long chunkedBytes) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", horizon.httpPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = Thread.ofVirtual().start(() -> {
                byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    for (long sent = 0; sent < chunkedBytes; sent += 0x10000) {
                        out.write(chunk);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException expected) {
                    // the server stopped reading and closed the connection, as it should
                }
            });
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            socket.close();
            writer.join(30_000);
            return status;
        }
    }

    @Test
    void anOnsetInDroppedEventDataRaisesASignal() throws Exception {
        StringBuilder csv = new StringBuilder("event_id_cnty,event_date,country,event_type,sub_event_type,location,notes,"
                + "fatalities\n");
        java.time.LocalDate start = java.time.LocalDate.of(2024, 1, 10);
        for (int month = 0; month < 24; month++) {
            csv.append("BFA").append(month).append(',').append(start.plusMonths(month))
                    .append(",Burkina Faso,Battles,Armed clash,Djibo,Clash near Djibo,2\n");
        }
        csv.append("BFA100,2026-01-15,Burkina Faso,Battles,Armed clash,Djibo,Attack on the garrison at Djibo,120\n");
        for (int day = 20; day < 26; day++) {
            csv.append("BFA1").append(day).append(",2026-01-").append(day)
                    .append(",Burkina Faso,Protests,Peaceful protest,Ouagadougou,Protest,0\n");
        }
        drop(dataDir.resolve("inbox/events"), "acled-bfa.csv", csv.toString());

        List<nl.horizon.schema.Signal> signals = readSignals("BFA:public:", 1);
        assertThat(signals).isNotEmpty();
        nl.horizon.schema.Signal onset = signals.get(0);
        assertThat(onset.lifecycle()).isEqualTo(nl.horizon.schema.Lifecycle.NEW);
        assertThat(onset.day()).isEqualTo(java.time.LocalDate.of(2026, 1, 15));
        assertThat(onset.detection().indicator()).isEqualTo("security.fatalities");
        assertThat(onset.evidenceReportIds()).contains("event-data:acled:BFA100");

        // an analyst follows the signal to its evidence, and opens the country
        JsonNode signal = awaitJson("/api/signals/" + URLEncoder.encode(onset.id(), StandardCharsets.UTF_8));
        assertThat(signal.get("signal").get("signal").get("lifecycle").asText()).isEqualTo("new");
        assertThat(signal.get("evidence")).extracting(e -> e.get("id").asText()).contains("event-data:acled:BFA100");
        JsonNode country = awaitJson("/api/countries/BFA");
        assertThat(country.get("name").asText()).isEqualTo("Burkina Faso");
        assertThat(country.get("history").size()).isPositive();
        assertThat(country.get("signals")).extracting(s -> s.get("signal").get("id").asText()).contains(onset.id());
        JsonNode signalSearch = awaitSearch("*:*", 1, VIEWER, "&kind=signal&country=BFA&sort=time");
        assertThat(signalSearch.get("facets").get("level").has("warning")).isTrue();
        assertThat(get("/api/signals/nope", VIEWER).statusCode()).isEqualTo(404);
    }

    /** GETs until the answer is 200 and has what a signal or country page needs, or fails after 30 s. */
    private JsonNode awaitJson(String path) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        HttpResponse<String> response = null;
        while (Instant.now().isBefore(deadline)) {
            response = get(path, VIEWER);
            JsonNode body = response.statusCode() == 200 ? Json.mapper().readTree(response.body()) : null;
            if (body != null && (body.has("signal") || body.path("signals").size() > 0)) {
                return body;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " never answered as expected; last " + response.body());
    }

    /** Signals whose key (the signal id) starts with {@code prefix}, at least {@code expected} of them. */
    private List<nl.horizon.schema.Signal> readSignals(String prefix, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, horizon.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "end-to-end-signals-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<nl.horizon.schema.Signal> signals = new ArrayList<>();
        try (KafkaConsumer<String, nl.horizon.schema.Signal> consumer = new KafkaConsumer<>(props,
                new StringDeserializer(), JsonSerde.of(nl.horizon.schema.Signal.class))) {
            consumer.subscribe(List.of(Topics.SIGNALS));
            Instant deadline = Instant.now().plusSeconds(60);
            while (signals.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, nl.horizon.schema.Signal> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().startsWith(prefix)) {
                        signals.add(record.value());
                    }
                }
            }
        }
        return signals;
    }

    @Test
    void aSavedQueryNotifiesItsOwnerOfWhatTheyMaySeeOnly() throws Exception {
        HttpResponse<String> saved = post("/api/subscriptions", ANALYST, "application/json", "{\"query\": \"mutiny\"}");
        assertThat(saved.statusCode()).isEqualTo(201);
        String id = Json.mapper().readTree(saved.body()).get("id").asText();
        assertThat(post("/api/subscriptions", ANALYST, "application/json", "{\"query\": \"title:(mutiny\"}")
                .statusCode()).isEqualTo(400);
        assertThat(post("/api/subscriptions", MSF, "application/json", "{\"query\": \"x\"}").statusCode())
                .isEqualTo(403);
        assertThat(get("/api/subscriptions", ANALYST).body()).contains(id);

        String report = """
                {"post": "bamako", "reference": "BAM-2012-%s", "date": "2012-03-21", "classification": "%s",
                 "countries": ["MLI"], "subject": "%s", "body": "Soldiers at the Kati camp."}
                """;
        assertThat(post("/api/ingest/posts", BAMAKO, "application/json",
                report.formatted("200", "secret", "Mutiny plot: source reporting")).statusCode()).isEqualTo(202);
        assertThat(post("/api/ingest/posts", BAMAKO, "application/json",
                report.formatted("201", "public", "Mutiny at Kati camp")).statusCode()).isEqualTo(202);

        Instant deadline = Instant.now().plusSeconds(30);
        String matches = "";
        while (!matches.contains("BAM-2012-201") && Instant.now().isBefore(deadline)) {
            matches = get("/api/matches", ANALYST).body();
            Thread.sleep(200);
        }
        assertThat(matches).contains("post:bamako:BAM-2012-201").contains(id).doesNotContain("BAM-2012-200");

        assertThat(http.send(request("/api/subscriptions/" + id, ANALYST).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        assertThat(get("/api/subscriptions", ANALYST).body()).doesNotContain(id);
    }

    @Test
    void metricsAreScrapedInPrometheusFormatWithAToken() throws Exception {
        awaitSearch("menaka AND garrison", 1, VIEWER);
        assertThat(get("/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/metrics", MSF).statusCode()).isEqualTo(403);
        assertThat(get("/metrics", VIEWER).statusCode()).isEqualTo(403);
        assertThat(get("/metrics", ANALYST).statusCode()).isEqualTo(403);
        HttpResponse<String> metrics = get("/metrics", OPERATOR);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "horizon_http_requests_seconds_count",
                "horizon_index_documents_total", "horizon_latency_searchable_seconds", "horizon_source_items_total",
                "horizon_latency_signal_seconds", "horizon_index_refresh_seconds", "kafka_stream",
                "horizon_streams_thread_failures_total 0.0",
                "horizon_http_requests_seconds_bucket{method=\"GET\",route=\"/api/signals/{id}\",status=\"200\"",
                "horizon_source_items_total{source=\"drop-folder:event-tables\"}");
        assertThat(ScrapeCheck.problems(metrics.body())).as("what promtool check metrics would report").isEmpty();
        // kept for promtool check metrics, which the build does not need
        Files.writeString(Path.of("target", "metrics-scrape.txt"), metrics.body());
        assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
    }

    @Test
    void theOpenApiFileDescribesExactlyTheRoutesTheServerServes() throws Exception {
        Path file = Path.of(System.getProperty("horizon.root", "..")).resolve("docs/openapi.yaml");
        JsonNode spec = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(file.toFile());
        List<String> documented = new ArrayList<>();
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey())));
        assertThat(documented).as("the OpenAPI file's operations are the router's routes, template for template")
                .containsExactlyInAnyOrderElementsOf(horizon.httpRoutes());
        for (String route : documented) {
            String[] parts = route.split(" ", 2);
            String path = parts[1].replace("{id}", "00000000-0000-0000-0000-000000000000").replace("{iso3}", "MLI")
                    .replace("{partner}", "msf").replace("{file}", "app.js");
            if (path.equals("/api/events")) {
                continue; // a stream that stays open; WebSecurityTest reads it
            }
            HttpResponse<String> response = http.send(request(path, ANALYST).method(parts[0],
                    HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(route).isNotIn(405, 500);
            assertThat(response.body()).as("%s is a route, not an unknown resource", route)
                    .doesNotContain("no such resource");
        }
    }

    @Test
    void aQueryThatDoesNotParseIsA400WithTheReason() throws Exception {
        HttpResponse<String> response = get("/api/search?q=" + URLEncoder.encode("title:(menaka", StandardCharsets.UTF_8),
                VIEWER);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\":\"invalid_query\"").contains("does not parse");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        String nested = "(".repeat(4000) + "menaka" + ")".repeat(4000);
        HttpResponse<String> deep = get("/api/search?q=" + URLEncoder.encode(nested, StandardCharsets.UTF_8), VIEWER);
        assertThat(deep.statusCode()).isEqualTo(400);
        assertThat(deep.body()).contains("\"error\":\"invalid_query\"")
                .contains("query nests parentheses 4000 deep, at most 20");
        HttpResponse<String> overLong = get("/api/search?q=" + "menaka+".repeat(200), VIEWER);
        assertThat(overLong.statusCode()).isEqualTo(400);
        assertThat(overLong.body()).contains("query is 1400 characters long, at most 1000");
        assertThat(post("/api/subscriptions", ANALYST, "application/json", "{\"query\": \"" + "(".repeat(30) + "coup"
                + ")".repeat(30) + "\"}").body()).contains("query nests parentheses 30 deep");
        assertThat(get("/api/search?q=menaka", VIEWER).statusCode()).as("still serving").isEqualTo(200);

        assertThat(get("/api/search?limit=5000", VIEWER).statusCode()).isEqualTo(400);
        assertThat(get("/nowhere", null).statusCode()).isEqualTo(404);
        assertThat(get("/api/search", "wrong-token").statusCode()).isEqualTo(401);
        assertThat(post("/api/search", VIEWER, "application/json", "{}").statusCode()).isEqualTo(405);
    }

    private JsonNode awaitSearch(String q, int atLeast, String token) throws Exception {
        return awaitSearch(q, atLeast, token, "");
    }

    private JsonNode awaitSearch(String q, int atLeast, String token, String filters) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                    + filters, token);
            assertThat(response.statusCode()).isEqualTo(200);
            last = Json.mapper().readTree(response.body());
            if (last.get("total").asLong() >= atLeast) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no search result for '" + q + "' within 60 s; last answer " + last);
    }

    private List<DeadLetter> readDeadLetters(java.util.function.Predicate<DeadLetter> which, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, horizon.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "end-to-end-test-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                JsonSerde.of(DeadLetter.class))) {
            consumer.subscribe(List.of(Topics.DLQ));
            Instant deadline = Instant.now().plusSeconds(30);
            while (letters.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, DeadLetter> record : consumer.poll(Duration.ofMillis(200))) {
                    if (which.test(record.value())) {
                        letters.add(record.value());
                    }
                }
            }
        }
        return letters;
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return http.send(request(path, token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String contentType, String body)
            throws IOException, InterruptedException {
        return http.send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + horizon.httpPort() + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static void drop(Path inbox, String name, String content) throws IOException {
        Files.createDirectories(inbox);
        Path staged = inbox.resolve("." + name);
        Files.writeString(staged, content);
        Files.move(staged, inbox.resolve(name));
    }
}

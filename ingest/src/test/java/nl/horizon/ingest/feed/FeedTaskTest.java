package nl.horizon.ingest.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import nl.horizon.ingest.SourceHealth;
import nl.horizon.schema.DeadLetter;
import nl.horizon.schema.Json;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.Topics;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed task against a real HTTP server on 127.0.0.1 serving real captured feeds. */
class FeedTaskTest {

    private HttpServer server;
    private final Map<String, Response> responses = new HashMap<>();
    private final List<String> conditionalHeaders = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> authorizations = new ArrayList<>();
    private final List<FeedTask> tasks = new ArrayList<>();

    record Response(int status, String etag, byte[] body, long delayMs) {
        static Response ok(String etag, byte[] body) {
            return new Response(200, etag, body, 0);
        }
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        tasks.forEach(FeedTask::stop);
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        Response response = responses.get(exchange.getRequestURI().getPath()
                + (exchange.getRequestURI().getQuery() == null ? "" : "?" + exchange.getRequestURI().getQuery()));
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        conditionalHeaders.add(String.valueOf(ifNoneMatch));
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        try (exchange) {
            if (response == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (response.delayMs() > 0) {
                Thread.sleep(response.delayMs());
            }
            if (response.etag() != null && response.etag().equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            if (response.etag() != null) {
                exchange.getResponseHeaders().set("ETag", response.etag());
            }
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            if (response.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private FeedTask task(String path, String format, Map<String, Object> offset, String... extra) {
        Map<String, String> props = new HashMap<>(Map.of(
                FeedConfig.NAME, "test-feed-" + format, FeedConfig.URL, url(path), FeedConfig.FORMAT, format,
                FeedConfig.POLL_INTERVAL_MS, "100", FeedConfig.BACKOFF_INITIAL_MS, "50",
                FeedConfig.BACKOFF_MAX_MS, "200", FeedConfig.REQUEST_TIMEOUT_MS, "2000"));
        for (int i = 0; i < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        FeedTask task = new FeedTask();
        task.initialize(new StoredOffsets(offset));
        task.start(props);
        tasks.add(task);
        return task;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void aFeedIsReadOnceAndAnUnchangedFeedCostsA304() throws Exception {
        responses.put("/rss", Response.ok("\"v1\"", rss()));
        FeedTask task = task("/rss", "rss", null);

        List<SourceRecord> first = task.poll();

        assertThat(first).hasSize(20).allSatisfy(r -> assertThat(r.topic()).isEqualTo("horizon.raw.news-feed.v1"));
        assertThat(first).as("stamped when written, never with an entry's own date")
                .extracting(SourceRecord::timestamp).containsOnlyNulls();
        RawItem item = JsonSerde.of(RawItem.class).deserialize("t", (byte[]) first.get(0).value());
        assertThat(item.format()).isEqualTo("feed-entry");
        assertThat(item.sourceName()).isEqualTo("test-feed-rss");
        assertThat(task.poll()).isNull();
        assertThat(conditionalHeaders).containsExactly("null", "\"v1\"");
        assertThat(SourceHealth.snapshot().get("test-feed-rss").up()).isTrue();
    }

    @Test
    void afterARestartOnlyNewItemsAreSent() throws Exception {
        responses.put("/rss", Response.ok("\"v1\"", rss()));
        List<SourceRecord> first = task("/rss", "rss", null).poll();
        @SuppressWarnings("unchecked")
        Map<String, Object> committed = (Map<String, Object>) first.get(first.size() - 1).sourceOffset();

        String changed = new String(rss(), StandardCharsets.UTF_8).replaceFirst("<item>", """
                <item><title>Ukraine: new situation report</title><link>https://example.org/new</link>
                <guid>https://example.org/new</guid><pubDate>Thu, 17 Sep 2020 09:00:00 +0000</pubDate>
                <description>New.</description></item><item>""");
        responses.put("/rss", Response.ok("\"v2\"", changed.getBytes(StandardCharsets.UTF_8)));
        List<SourceRecord> afterRestart = task("/rss", "rss", committed).poll();

        assertThat(afterRestart).singleElement().satisfies(r -> assertThat(r.key()).isEqualTo("https://example.org/new"));
        assertThat(conditionalHeaders.get(conditionalHeaders.size() - 1)).isEqualTo("\"v1\"");
    }

    /** A correction: the same Atom entry id with a newer {@code updated} is a new version of its report. */
    @Test
    void anEntryRepublishedWithANewerUpdatedIsSentAgainUnderItsId() throws Exception {
        responses.put("/atom", Response.ok("\"v1\"", atom("2020-09-17T08:00:00Z", "12 civilians killed")));
        FeedTask task = task("/atom", "rss", null);
        assertThat(task.poll()).singleElement().satisfies(r -> assertThat(r.key()).isEqualTo("urn:entry:1"));

        responses.put("/atom", Response.ok("\"v2\"", atom("2020-09-17T08:00:00Z", "12 civilians killed")));
        assertThat(task.poll()).as("the same version again").isNull();

        responses.put("/atom", Response.ok("\"v3\"", atom("2020-09-18T10:00:00Z", "14 civilians killed")));
        List<SourceRecord> corrected = task.poll();
        assertThat(corrected).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("urn:entry:1");
            RawItem item = JsonSerde.of(RawItem.class).deserialize("t", (byte[]) r.value());
            assertThat(item.payload()).contains("14 civilians killed");
        });
    }

    private static byte[] atom(String updated, String title) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Corrections</title><id>urn:feed</id>
                <updated>%1$s</updated>
                <entry><id>urn:entry:1</id><title>%2$s in Kidal</title><published>2020-09-17T08:00:00Z</published>
                <updated>%1$s</updated><content type="text">%2$s in Kidal, Mali.</content></entry></feed>
                """.formatted(updated, title).getBytes(StandardCharsets.UTF_8);
    }

    /** Another system's CAP feed, read with a token from a file: the NWS index, an entry per alert. */
    @Test
    void aCapFeedIsReadWithTheTokenFromItsFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("token"), "s3cret-viewer-token\n");
        responses.put("/cap", Response.ok("\"v1\"", Files.readAllBytes(shared("cap/nws_atom_cap_index_2018-08-15.xml"))));
        FeedTask task = task("/cap", "cap", null, FeedConfig.TOKEN_FILE, tokenFile.toString());

        List<SourceRecord> records = task.poll();

        assertThat(records).hasSize(163).allSatisfy(r -> assertThat(r.topic()).isEqualTo("horizon.raw.crisis-watch.v1"));
        RawItem item = JsonSerde.of(RawItem.class).deserialize("t", (byte[]) records.get(0).value());
        assertThat(item.format()).isEqualTo("cap-alert");
        assertThat(item.itemId()).startsWith("w-nws.webmaster@noaa.gov,https://alerts.weather.gov/cap/");
        assertThat(authorizations).containsOnly("Bearer s3cret-viewer-token");
        assertThat(new FeedConfig(Map.of(FeedConfig.NAME, "x", FeedConfig.URL, url("/cap"), FeedConfig.TOKEN_FILE,
                tokenFile.toString())).toString()).as("configs are logged: the token is not in them")
                .doesNotContain("s3cret");
    }

    @Test
    void aTokenIsNeverSentInTheClearToAnotherMachineNorReadFromAnEmptyFile(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("token"), "t0ken");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FeedConfig(Map.of(FeedConfig.NAME, "x",
                        FeedConfig.URL, "http://horizon.example.org/feeds/signals.cap.atom", FeedConfig.TOKEN_FILE,
                        tokenFile.toString())))
                .isInstanceOf(org.apache.kafka.common.config.ConfigException.class).hasMessageContaining("https");
        Path empty = Files.writeString(dir.resolve("empty"), " \n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FeedConfig(Map.of(FeedConfig.NAME, "x",
                        FeedConfig.URL, "https://horizon.example.org/feeds/signals.cap.atom", FeedConfig.TOKEN_FILE,
                        empty.toString())))
                .isInstanceOf(org.apache.kafka.common.config.ConfigException.class)
                .hasMessageContaining(FeedConfig.TOKEN_FILE);
        assertThat(new FeedConfig(Map.of(FeedConfig.NAME, "x", FeedConfig.URL, "https://horizon.example.org/f",
                FeedConfig.TOKEN_FILE, tokenFile.toString())).token()).contains("t0ken");
    }

    @Test
    void aFailingSourceBacksOffAndRecovers() throws Exception {
        responses.put("/rss", new Response(500, null, new byte[0], 0));
        FeedTask task = task("/rss", "rss", null);

        assertThat(task.poll()).isNull();
        assertThat(SourceHealth.snapshot().get("test-feed-rss").up()).isFalse();
        assertThat(SourceHealth.snapshot().get("test-feed-rss").detail()).contains("HTTP 500");
        int afterFirstFailure = requests.get();
        assertThat(task.poll()).isNull();
        assertThat(task.poll()).isNull();
        assertThat(requests.get() - afterFirstFailure).as("one request per back-off, no spinning").isEqualTo(2);

        responses.put("/rss", Response.ok("\"v1\"", rss()));
        assertThat(task.poll()).hasSize(20);
        assertThat(SourceHealth.snapshot().get("test-feed-rss").up()).isTrue();
    }

    @Test
    void aTimeoutIsAFailureNotAHang() throws Exception {
        responses.put("/slow", new Response(200, null, rss(), 3000));
        FeedTask task = task("/slow", "rss", null, FeedConfig.REQUEST_TIMEOUT_MS, "300");

        long started = System.nanoTime();
        assertThat(task.poll()).isNull();
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2500);
        assertThat(SourceHealth.snapshot().get("test-feed-rss").detail()).contains("cannot fetch");
    }

    @Test
    void hostileGarbageAndOversizedDocumentsAreDeadLettered() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss>&x;</rss>";
        responses.put("/xxe", Response.ok(null, xxe.getBytes(StandardCharsets.UTF_8)));
        responses.put("/garbage", Response.ok(null, "\u0000\u0001 not xml".getBytes(StandardCharsets.UTF_8)));
        responses.put("/huge", Response.ok(null, new byte[4096]));

        assertThat(reason(task("/xxe", "rss", null).poll())).isEqualTo(RejectReason.HOSTILE_XML);
        assertThat(reason(task("/garbage", "rss", null).poll())).isEqualTo(RejectReason.MALFORMED);
        assertThat(reason(task("/huge", "rss", null, FeedConfig.MAX_DOCUMENT_BYTES, "1024").poll()))
                .isEqualTo(RejectReason.OVERSIZED);
    }

    @Test
    void reliefWebPagesAreFollowedWhileTheyHoldNewReports() throws Exception {
        String page1 = reliefWeb().replace("https://api.reliefweb.int/v1/reports?appname=thedeep.io&offset=10&limit=10",
                url("/reports?offset=10"));
        String page2 = reliefWeb().replaceAll("\"id\": \"(\\d+)\"", "\"id\": \"9$1\"")
                .replace("\"next\"", "\"previous\"");
        responses.put("/reports", Response.ok(null, page1.getBytes(StandardCharsets.UTF_8)));
        responses.put("/reports?offset=10", Response.ok(null, page2.getBytes(StandardCharsets.UTF_8)));

        List<SourceRecord> records = task("/reports", "reliefweb-api", null).poll();

        assertThat(records).hasSize(20).extracting(r -> (String) r.key()).doesNotHaveDuplicates().contains("3670885", "93670885");
    }

    /** Entries sharing a country once collapsed into the first under one id, with no trace of the rest. */
    @Test
    void everyCrisisWatchEntryIsSentUnderItsOwnId() throws Exception {
        byte[] edition = Files.readAllBytes(shared("crisiswatch/crisiswatch_2026-02_edition__pythia.json"));
        int entries = Json.mapper().readTree(edition).path("entries").size();
        responses.put("/crisiswatch", Response.ok(null, edition));

        List<SourceRecord> records = task("/crisiswatch", "crisiswatch-json", null).poll();

        assertThat(records).hasSize(entries).extracting(r -> (String) r.key()).doesNotHaveDuplicates()
                .contains("2026-02:ETH", "2026-02:ETH:2", "2026-02:China/Japan", "2026-02:South China Sea");
    }

    @Test
    void anItemRepeatingAnIdOfTheSameDocumentIsDeadLettered() throws Exception {
        String twice = new String(rss(), StandardCharsets.UTF_8).replaceFirst("(?s)(<item>.*?</item>)", "$1$1");
        responses.put("/rss", Response.ok(null, twice.getBytes(StandardCharsets.UTF_8)));

        List<SourceRecord> records = task("/rss", "rss", null).poll();

        assertThat(records).hasSize(21).filteredOn(r -> r.topic().equals(Topics.DLQ)).singleElement()
                .satisfies(r -> assertThat(JsonSerde.of(DeadLetter.class).deserialize("t", (byte[]) r.value()).reason())
                        .isEqualTo(RejectReason.INVALID_FIELD));
    }

    @Test
    void aFeedIsAskedForGzipAndItsGzippedAnswerIsRead() throws Exception {
        byte[] rss = rss();
        List<String> acceptEncodings = new ArrayList<>();
        server.createContext("/gzip", exchange -> {
            acceptEncodings.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept-Encoding")));
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(rss);
            }
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                exchange.sendResponseHeaders(200, zipped.size());
                exchange.getResponseBody().write(zipped.toByteArray());
            }
        });

        List<SourceRecord> records = task("/gzip", "rss", null).poll();

        assertThat(acceptEncodings).containsExactly("gzip");
        assertThat(records).hasSize(20).allSatisfy(r -> assertThat(r.topic()).isEqualTo("horizon.raw.news-feed.v1"));
    }

    @Test
    void aGzippedAnswerIsLimitedByItsDecodedSize() throws Exception {
        server.createContext("/bomb", exchange -> {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(new byte[1 << 20]);
            }
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                exchange.sendResponseHeaders(200, zipped.size());
                exchange.getResponseBody().write(zipped.toByteArray());
            }
        });

        assertThat(reason(task("/bomb", "rss", null, FeedConfig.MAX_DOCUMENT_BYTES, "4096").poll()))
                .isEqualTo(RejectReason.OVERSIZED);
    }

    private static RejectReason reason(List<SourceRecord> records) {
        assertThat(records).singleElement().satisfies(r -> assertThat(r.topic()).isEqualTo(Topics.DLQ));
        return JsonSerde.of(DeadLetter.class).deserialize("t", (byte[]) records.get(0).value()).reason();
    }

    private static byte[] rss() throws IOException {
        return Files.readAllBytes(shared("feeds/reliefweb_rss_ukraine_2020-09-17_20items.xml"));
    }

    private static String reliefWeb() throws IOException {
        return Files.readString(shared("feeds/reliefweb_api_v1_reports_nepal_2020-09-17_10items.json"));
    }

    private static Path shared(String relative) {
        Path file = Path.of(System.getProperty("horizon.root", "..")).resolve("../shared/data").resolve(relative)
                .normalize();
        Assumptions.assumeTrue(Files.exists(file), "shared test data not present: " + file);
        return file;
    }

    /** The offsets Kafka Connect would hand a restarted task. */
    private record StoredOffsets(Map<String, Object> offset) implements SourceTaskContext, OffsetStorageReader {
        @Override
        public Map<String, String> configs() {
            return Map.of();
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return this;
        }

        @Override
        public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
            throw new UnsupportedOperationException("the feed task uses Micrometer, not plugin metrics");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Map<String, Object> offset(Map<String, T> partition) {
            return offset;
        }

        @Override
        public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
            return Map.of();
        }
    }
}

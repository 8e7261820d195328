package nl.horizon.app;

import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.schema.DeadLetter;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
 * The walking skeleton on real parts: the launcher's own in-process KRaft broker, the embedded Connect
 * worker with the post connector, Kafka Streams, a Lucene index on disk and the HTTP API.
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

    @TempDir
    static Path dataDir;
    private Horizon horizon;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        HorizonConfig config = HorizonConfig.of(Map.of(
                HorizonConfig.DATA_DIR, dataDir.toString(),
                HorizonConfig.KAFKA_EMBEDDED_PORT, Integer.toString(EmbeddedBrokerTest.freePort()),
                HorizonConfig.KAFKA_EMBEDDED_CONTROLLER_PORT, Integer.toString(EmbeddedBrokerTest.freePort()),
                HorizonConfig.HTTP_PORT, "0",
                HorizonConfig.POSTS_POLL_INTERVAL_MS, "100",
                HorizonConfig.MAX_ITEM_BYTES, "4096"));
        horizon = Horizon.start(config);
    }

    @AfterAll
    void stop() {
        if (horizon != null) {
            horizon.close();
        }
    }

    @Test
    void aPostReportIsSearchableOverHttpAndBadFilesAreDeadLettered() throws Exception {
        Path inbox = dataDir.resolve("inbox/posts");
        drop(inbox, "bam-001.txt", CABLE.formatted("001", "public", "Attack on Menaka garrison"));
        drop(inbox, "bam-002.txt", CABLE.formatted("002", "departmental-confidential", "Menaka: post assessment"));
        drop(inbox, "bam-003.txt", CABLE.formatted("003", "public", "Attack on Menaka").replace("MLI", "MALI"));
        drop(inbox, "bam-004.txt", "x".repeat(5000));

        JsonNode found = awaitSearch("menaka", 1);
        assertThat(found.get("total").asLong()).isEqualTo(1);
        JsonNode report = found.get("hits").get(0).get("report");
        assertThat(report.get("id").asText()).isEqualTo("post:bamako:BAM-2012-001");
        assertThat(report.get("countries").get(0).asText()).isEqualTo("MLI");
        assertThat(report.get("classification").asText()).isEqualTo("public");

        List<DeadLetter> letters = readDeadLetters(2);
        assertThat(letters).extracting(DeadLetter::reason)
                .containsExactlyInAnyOrder(RejectReason.UNKNOWN_COUNTRY, RejectReason.OVERSIZED);
        assertThat(inbox.resolve("processed/bam-001.txt")).exists();
        assertThat(inbox.resolve("rejected/bam-003.txt")).exists();

        // the classified report reached the index but an anonymous caller is never shown it, not even in counts
        assertThat(get("/api/search?q=assessment").body()).contains("\"total\":0");
        assertThat(get("/health").body()).contains("\"status\":\"up\"");
    }

    @Test
    void aQueryThatDoesNotParseIsA400WithTheReason() throws Exception {
        HttpResponse<String> response = get("/api/search?q=" + URLEncoder.encode("title:(menaka", StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\":\"invalid_query\"").contains("does not parse");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(get("/api/search?limit=5000").statusCode()).isEqualTo(400);
        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
    }

    private JsonNode awaitSearch(String q, int atLeast) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = get("/api/search?q=" + q);
            assertThat(response.statusCode()).isEqualTo(200);
            last = nl.horizon.schema.Json.mapper().readTree(response.body());
            if (last.get("total").asLong() >= atLeast) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no search result for '" + q + "' within 60 s; last answer " + last);
    }

    private List<DeadLetter> readDeadLetters(int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, horizon.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "end-to-end-test");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                JsonSerde.of(DeadLetter.class))) {
            consumer.subscribe(List.of(Topics.DLQ));
            Instant deadline = Instant.now().plusSeconds(30);
            while (letters.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, DeadLetter> record : consumer.poll(Duration.ofMillis(200))) {
                    letters.add(record.value());
                }
            }
        }
        return letters;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + horizon.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void drop(Path inbox, String name, String content) throws IOException {
        Files.createDirectories(inbox);
        Path staged = inbox.resolve("." + name);
        Files.writeString(staged, content);
        Files.move(staged, inbox.resolve(name));
    }
}

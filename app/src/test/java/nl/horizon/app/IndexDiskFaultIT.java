package nl.horizon.app;

import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.schema.Json;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index directory on a real file system that runs out of space twice: a tmpfs of 1 MB mounted where
 * Horizon keeps its index (so this needs root; without it the test is skipped), which the index fills
 * until it is grown, and later a file of another program that takes all the room until it is deleted.
 * The indexer must stop writing, say so in the health report, leave the rest of the pipeline running,
 * and resume by itself once there is room again, with every report searchable exactly once. (A
 * read-only remount cannot be tested this way: Linux refuses it while the index holds files open for
 * writing.)
 */
class IndexDiskFaultIT {

    @TempDir
    Path tmp;

    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            mount("umount", "-l", mounted.toString());
        }
    }

    @Test
    void aFullIndexDirectoryStopsTheIndexerCleanlyAndItResumesWhenThereIsRoom() throws Exception {
        Path data = tmp.resolve("data");
        Path index = data.resolve("index");
        Files.createDirectories(index);
        Assumptions.assumeTrue(mount("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", index.toString()),
                "mounting a small tmpfs needs root");
        mounted = index;
        try (Horizon horizon = Horizon.start(HorizonConfig.of(Map.of(HorizonConfig.DATA_DIR, data.toString(),
                HorizonConfig.SCORING_DIR, EmbeddedBrokerTest.repoConfig(),
                HorizonConfig.ACCOUNTS_FILE, data.resolve("no-accounts.yaml").toString(),
                HorizonConfig.KAFKA_EMBEDDED_PORT, Integer.toString(EmbeddedBroker.freePort()),
                HorizonConfig.KAFKA_EMBEDDED_CONTROLLER_PORT, Integer.toString(EmbeddedBroker.freePort()),
                HorizonConfig.HTTP_PORT, "0")))) {
            String token = Files.readString(data.resolve(Horizon.DEMO_TOKEN)).strip();
            Api api = new Api(horizon.httpPort(), token);

            produce(horizon, "FULL-", 3_000);
            // the indexer fails while Streams, once it has joined its group, runs on
            awaitHealth(api, h -> h.path("components").path("indexer").asText().startsWith("failing")
                    && h.path("components").path("streams").asText().equals("up"));
            assertThat(mount("mount", "-o", "remount,size=256m", index.toString())).isTrue();
            awaitReports(api, 3_000);

            Path ballast = index.resolve("ballast");
            fill(ballast);
            produce(horizon, "BALLAST-", 500);
            awaitHealth(api, h -> h.path("components").path("indexer").asText().startsWith("failing"));
            Files.delete(ballast);
            awaitReports(api, 3_500);
            awaitHealth(api, h -> h.path("components").path("indexer").asText().equals("up"));
        }
    }

    private static void produce(Horizon horizon, String prefix, int count) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, horizon.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sent.add(producer.send(new ProducerRecord<>(Topics.raw(SourceKind.POST), prefix + i,
                        LoadRun.item(prefix, i, Instant.now()))));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
    }

    private static void awaitReports(Api api, long count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        long seen = -1;
        while (Instant.now().isBefore(deadline)) {
            seen = api.get("/api/search?kind=report&limit=1").path("total").asLong();
            if (seen >= count) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(seen).as("reports searchable").isEqualTo(count);
    }

    private static void awaitHealth(Api api, Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode health = api.get("/health");
        while (!condition.test(health)) {
            assertThat(Instant.now()).as("health %s", health).isBefore(deadline);
            Thread.sleep(250);
            health = api.get("/health");
        }
    }

    /** Another program fills the disk: a file written until there is no space left. */
    private static void fill(Path ballast) throws IOException {
        byte[] block = new byte[64 << 10];
        try (var out = Files.newOutputStream(ballast)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left");
        }
    }

    private static boolean mount(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        int exit = process.waitFor();
        if (exit != 0) {
            System.out.println(String.join(" ", command) + ": " + output.strip());
        }
        return exit == 0;
    }

    private record Api(int port, String token) {
        JsonNode get(String path) throws Exception {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Json.mapper().readTree(response.body());
        }
    }
}

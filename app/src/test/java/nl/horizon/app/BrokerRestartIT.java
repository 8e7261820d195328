package nl.horizon.app;

import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.schema.Json;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Horizon on a three-broker cluster (three {@code horizon broker} processes on loopback, replication
 * factor 3, min ISR 2). Post items are produced as a connector would, with acks=all; while they flow, the
 * broker leading the raw topic's first partition is killed with SIGKILL, and started again a few seconds
 * later. Every acknowledged item must come out as exactly one report: once on the reports topic (read
 * committed) and once in the index.
 */
class BrokerRestartIT {

    private static final int ITEMS = 1_500;
    private static final int RATE = 150;

    @TempDir
    Path tmp;

    private final List<Node> nodes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopBrokers() throws InterruptedException {
        for (Node node : nodes) {
            node.stop();
        }
    }

    @Test
    void aBrokerKilledAndRestartedDuringIngestLosesNoAcknowledgedReport() throws Exception {
        String clusterId = Uuid.randomUuid().toString();
        List<Integer> controllerPorts = List.of(EmbeddedBroker.freePort(), EmbeddedBroker.freePort(),
                EmbeddedBroker.freePort());
        String voters = "1@127.0.0.1:" + controllerPorts.get(0) + ",2@127.0.0.1:" + controllerPorts.get(1)
                + ",3@127.0.0.1:" + controllerPorts.get(2);
        for (int id = 1; id <= 3; id++) {
            nodes.add(new Node(id, EmbeddedBroker.freePort(), voters, clusterId, tmp.resolve("broker-" + id)));
        }
        for (Node node : nodes) {
            node.start();
        }
        String bootstrap = nodes.stream().map(n -> "127.0.0.1:" + n.port).collect(Collectors.joining(","));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            awaitBrokers(admin, 3);
        }
        Path data = tmp.resolve("horizon");
        try (Horizon horizon = Horizon.start(HorizonConfig.of(Map.of(HorizonConfig.DATA_DIR, data.toString(),
                HorizonConfig.SCORING_DIR, EmbeddedBrokerTest.repoConfig(),
                HorizonConfig.KAFKA_BOOTSTRAP_SERVERS, bootstrap,
                HorizonConfig.KAFKA_REPLICATION_FACTOR, "3",
                HorizonConfig.ACCOUNTS_FILE, data.resolve("no-accounts.yaml").toString(),
                HorizonConfig.HTTP_PORT, "0")))) {
            String token = Files.readString(data.resolve(Horizon.DEMO_TOKEN)).strip();
            Set<String> acked = ConcurrentHashMap.newKeySet();
            List<String> failed = new ArrayList<>();
            Node victim;
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
                 KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                         ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                         ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                         ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000),
                         new StringSerializer(), new ByteArraySerializer())) {
                String raw = Topics.raw(SourceKind.POST);
                int leader = admin.describeTopics(List.of(raw)).allTopicNames().get().get(raw).partitions().get(0)
                        .leader().id();
                victim = nodes.get(leader - 1);
                long start = System.nanoTime();
                for (int i = 0; i < ITEMS; i++) {
                    String key = "RESTART-" + i;
                    producer.send(new ProducerRecord<>(raw, key, LoadRun.item("RESTART-", i, Instant.now())),
                            (metadata, error) -> {
                                if (error == null) {
                                    acked.add(key);
                                } else {
                                    synchronized (failed) {
                                        failed.add(key + ": " + error);
                                    }
                                }
                            });
                    if (i == ITEMS / 4) {
                        victim.kill();
                    } else if (i == ITEMS / 2) {
                        victim.start();
                    }
                    long wait = start + (i + 1) * 1_000_000_000L / RATE - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000);
                    }
                }
                producer.flush();
                awaitBrokers(admin, 3);
            }
            System.out.printf("broker restart: node %d killed after %d items and restarted after %d; %d acknowledged,"
                    + " %d failed%n", victim.id, ITEMS / 4, ITEMS / 2, acked.size(), failed.size());
            assertThat(acked).as("acknowledged (failed: %s)", failed).isNotEmpty();

            Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
            long searchable = 0;
            while (searchable < acked.size() && Instant.now().isBefore(deadline)) {
                searchable = search(horizon, token, "kind=report&limit=1").path("total").asLong();
                Thread.sleep(500);
            }
            assertThat(searchable).as("reports searchable").isEqualTo(acked.size());
            Map<String, Integer> onTopic = reportsOnTopic(bootstrap, acked.size());
            assertThat(onTopic.keySet()).as("every acknowledged item is a report")
                    .isEqualTo(acked.stream().map(k -> "post:loadpost:" + k).collect(Collectors.toSet()));
            assertThat(onTopic.values()).as("no report twice on the topic").allMatch(n -> n == 1);
        }
    }

    private JsonNode search(Horizon horizon, String token, String query) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + horizon.httpPort() + "/api/search?" + query)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(response.body());
    }

    /** Report ids on the reports topic, read committed, with how often each occurs. */
    private static Map<String, Integer> reportsOnTopic(String bootstrap, int expected) {
        Map<String, Integer> seen = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REPORTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.merge(record.key(), 1, Integer::sum);
                }
            }
        }
        assertThat(seen).as("reports read back").hasSizeGreaterThanOrEqualTo(Math.min(expected, 1));
        return seen;
    }

    private static void awaitBrokers(Admin admin, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (admin.describeCluster().nodes().get().size() < count) {
            assertThat(Instant.now()).as("%d brokers up", count).isBefore(deadline);
            Thread.sleep(500);
        }
    }

    /** One broker process with a log directory that outlives it. */
    private static final class Node {

        private final int id;
        private final int port;
        private final String voters;
        private final String clusterId;
        private final Path dir;
        private Process process;

        Node(int id, int port, String voters, String clusterId, Path dir) {
            this.id = id;
            this.port = port;
            this.voters = voters;
            this.clusterId = clusterId;
            this.dir = dir;
        }

        void start() throws Exception {
            Files.createDirectories(dir);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            process = new ProcessBuilder(java.toString(), "-Xmx384m", "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "broker", "--node",
                    Integer.toString(id), "--listen", "127.0.0.1:" + port, "--voters", voters, "--cluster-id",
                    clusterId, "--dir", dir.resolve("log").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile())).start();
        }

        /** SIGKILL: the broker crashes. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    kill();
                }
            }
        }
    }
}

package nl.horizon.connect;

import nl.horizon.app.EmbeddedBroker;
import nl.horizon.app.TopicCatalogue;
import nl.horizon.formats.ItemFormats;
import nl.horizon.ingest.RecordEncoding;
import nl.horizon.ingest.folder.DropFolderConfig;
import nl.horizon.ingest.folder.DropFolderConnector;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Topics;
import nl.horizon.streams.NormaliseTopology;
import nl.horizon.streams.text.CountryMentions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The plugin archive in a stock Kafka Connect worker: {@code ConnectStandalone} in a process of its own,
 * on Java 17, with only Kafka's own libraries on its classpath and only the unpacked archive on its
 * {@code plugin.path}, writing to a real broker. The worker's default converters are the usual
 * {@code JsonConverter}; the connector's configuration names the ones {@link RecordEncoding} requires. A
 * real ACLED export dropped into the folder must come out as one report per row on the reports topic
 * (the normaliser runs in this JVM) and nothing on the dead-letter topic.
 */
class StockConnectWorkerIT {

    private static final String ACLED = "acled/acled_sample_326_events_argentina_2022-06.csv";
    private static final int ACLED_ROWS = 326;

    @TempDir
    Path dir;

    @Test
    void theArchiveRunsInAStockWorkerOnJava17() throws Exception {
        Path java17 = java17().orElse(null);
        if (java17 == null && "true".equals(System.getenv("HORIZON_REQUIRE_JAVA17"))) {
            fail("HORIZON_REQUIRE_JAVA17 is set (as in CI) but no Java 17 runtime is found (JAVA17_HOME, the running "
                    + "JVM, /usr/lib/jvm/*)");
        }
        Assumptions.assumeTrue(java17 != null, "skipped: no Java 17 runtime found (JAVA17_HOME, the running JVM, "
                + "/usr/lib/jvm/*); Kafka 4's Connect workers run on 17, and that is what this test is about");
        Path export = sharedData(ACLED);
        String workerClasspath = Files.readString(Path.of(System.getProperty("horizon.worker.classpath"))).strip();
        assertThat(workerClasspath.split(java.io.File.pathSeparator)).as("only Kafka's libraries on the worker's classpath")
                .noneMatch(entry -> entry.contains("nl/horizon") || entry.contains("rome") || entry.contains("jsoup"));
        Path pluginPath = Path.of(System.getProperty("horizon.plugin.path"));

        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("kafka"), EmbeddedBroker.freePort(),
                EmbeddedBroker.freePort())) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                TopicCatalogue.ensure(admin, 1, (short) 1, Duration.ofSeconds(60));
            }
            Path inbox = Files.createDirectories(dir.resolve("inbox"));
            Path workerConfig = write("worker.properties", Map.of(
                    "bootstrap.servers", broker.bootstrapServers(),
                    "key.converter", "org.apache.kafka.connect.json.JsonConverter",
                    "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                    "offset.storage.file.filename", dir.resolve("offsets").toString(),
                    "offset.flush.interval.ms", "1000",
                    "plugin.path", pluginPath.toString(),
                    "listeners", "http://127.0.0.1:" + EmbeddedBroker.freePort()));
            Map<String, String> connector = new HashMap<>(RecordEncoding.CONVERTERS);
            connector.putAll(Map.of("name", "acled", "tasks.max", "1",
                    "connector.class", DropFolderConnector.class.getName(),
                    DropFolderConfig.DIR, inbox.toString(),
                    DropFolderConfig.CONTENT, "event-tables",
                    DropFolderConfig.MAX_FILE_BYTES, Integer.toString(16 << 20)));
            Path connectorConfig = write("acled.properties", connector);

            Path log = Files.createDirectories(Path.of("target")).resolve("connect-worker.log");
            Process worker = new ProcessBuilder(java17.toString(), "-Xmx512m", "-cp", workerClasspath,
                    "-Dlogback.configurationFile=" + resource("worker-logback.xml"),
                    "org.apache.kafka.connect.cli.ConnectStandalone", workerConfig.toString(), connectorConfig.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try (KafkaStreams normaliser = normaliser(broker.bootstrapServers())) {
                normaliser.start();
                Files.copy(export, inbox.resolve(".acled.csv"));
                Files.move(inbox.resolve(".acled.csv"), inbox.resolve("acled.csv"));

                Map<String, Integer> counts = countUntil(broker.bootstrapServers(), ACLED_ROWS, worker);
                assertThat(worker.isAlive()).as("the worker is still running; its log: %s", log).isTrue();
                assertThat(counts).as("records per topic; the worker's log: %s", log).containsExactlyInAnyOrderEntriesOf(Map.of(
                        Topics.raw(SourceKind.EVENT_DATA), ACLED_ROWS,
                        Topics.REPORTS, ACLED_ROWS,
                        Topics.DLQ, 0));
                assertThat(inbox.resolve("processed/acled.csv")).as("moved once every row was acknowledged").exists();
            } finally {
                worker.destroy();
                if (!worker.waitFor(30, TimeUnit.SECONDS)) {
                    worker.destroyForcibly().waitFor();
                }
            }
        }
    }

    /** Counts the records on the raw, reports and dead-letter topics until {@code reports} reports arrived. */
    private static Map<String, Integer> countUntil(String bootstrap, int reports, Process worker) {
        Map<String, Integer> counts = new HashMap<>(Map.of(Topics.raw(SourceKind.EVENT_DATA), 0, Topics.REPORTS, 0,
                Topics.DLQ, 0));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : counts.keySet()) {
                for (PartitionInfo p : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline && worker.isAlive() && counts.get(Topics.REPORTS) < reports) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    counts.merge(record.topic(), 1, Integer::sum);
                }
            }
            // a little longer, so that anything beyond the expected shows
            long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < settle) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> counts.merge(record.topic(), 1, Integer::sum));
            }
        }
        return counts;
    }

    private KafkaStreams normaliser(String bootstrap) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "horizon-connect-it");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        Path places = root().resolve("config");
        return new KafkaStreams(NormaliseTopology.build(ItemFormats.standard(nl.horizon.schema.Markings.standard()), CountryMentions.load(places)), props);
    }

    private Path write(String name, Map<String, String> settings) throws IOException {
        Properties props = new Properties();
        props.putAll(settings);
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            props.store(out, null);
        }
        return file;
    }

    /**
     * A Java 17 runtime: {@code JAVA17_HOME}, the running JVM if it is a 17, or a JDK under
     * {@code /usr/lib/jvm} whose {@code release} file says 17.
     */
    private static Optional<Path> java17() throws IOException {
        List<Path> homes = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA17_HOME")).map(Path::of).ifPresent(homes::add);
        homes.add(Path.of(System.getProperty("java.home")));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> all = Files.list(jvms)) {
                all.sorted().forEach(homes::add);
            }
        }
        for (Path home : homes) {
            Path release = home.resolve("release");
            Path java = home.resolve("bin/java");
            if (Files.isRegularFile(release) && Files.isExecutable(java)
                    && Files.readString(release, StandardCharsets.UTF_8).contains("JAVA_VERSION=\"17")) {
                return Optional.of(java);
            }
        }
        return Optional.empty();
    }

    private static Path root() {
        return Path.of(System.getProperty("horizon.root", "..")).toAbsolutePath().normalize();
    }

    private static Path sharedData(String relative) {
        Path file = root().resolve("../shared/data").resolve(relative).normalize();
        Assumptions.assumeTrue(Files.exists(file), "shared test data not present: " + file);
        return file;
    }

    private static String resource(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(StockConnectWorkerIT.class.getResource("/" + name)).toURI()).toString();
    }
}

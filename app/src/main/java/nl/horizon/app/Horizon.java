package nl.horizon.app;

import nl.horizon.formats.ItemFormats;
import nl.horizon.index.ReportIndex;
import nl.horizon.index.ReportIndexer;
import nl.horizon.ingest.folder.DropFolderConfig;
import nl.horizon.ingest.folder.DropFolderConnector;
import nl.horizon.streams.HorizonTopology;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The running pipeline: broker (when embedded), topic catalogue, Kafka Streams, the Connect worker with
 * the connectors, the indexer and the HTTP API, started in that order and stopped in reverse. The only
 * class that knows every module.
 */
public final class Horizon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Horizon.class);
    static final String POST_CONNECTOR = "post-drop-folder";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final String bootstrapServers;
    private final KafkaStreams streams;
    private final EmbeddedConnect connect;
    private final Thread indexerThread;
    private final HttpApi http;

    private Horizon(HorizonConfig config) throws IOException, InterruptedException {
        try {
            if (config.embeddedBroker()) {
                EmbeddedBroker broker = EmbeddedBroker.start(config.dataDir().resolve("kafka"), config.embeddedPort(),
                        config.embeddedControllerPort());
                started.push(broker);
                bootstrapServers = broker.bootstrapServers();
            } else {
                bootstrapServers = config.bootstrapServers();
            }
            Map<String, Object> client = new LinkedHashMap<>(config.kafkaClientSettings());
            client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            try (Admin admin = Admin.create(client)) {
                TopicCatalogue.ensure(admin, config.partitions(), config.replicationFactor(), Duration.ofSeconds(60));
            }

            Properties streamsSettings = HorizonTopology.settings(bootstrapServers, config.dataDir().resolve("streams"),
                    config.streamsThreads(), config.replicationFactor());
            streamsSettings.putAll(config.kafkaClientSettings());
            streams = new KafkaStreams(HorizonTopology.build(ItemFormats.standard()), streamsSettings);
            streams.setUncaughtExceptionHandler(e -> {
                LOG.error("stream thread failed; replacing it", e);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            });
            streams.start();
            started.push(() -> streams.close(Duration.ofSeconds(30)));

            ReportIndex index = ReportIndex.open(config.dataDir().resolve("index"));
            started.push(index);
            ReportIndexer indexer = new ReportIndexer(index, bootstrapServers);
            indexerThread = Thread.ofPlatform().name("horizon-indexer").start(indexer);
            started.push(() -> {
                indexer.close();
                indexerThread.join(30_000);
            });

            connect = EmbeddedConnect.start(bootstrapServers, config.dataDir().resolve("connect"),
                    config.kafkaClientSettings());
            started.push(connect);
            config.samplesDir().ifPresent(samples -> {
                try {
                    Samples.loadOnce(samples, config.dataDir(), config.postsDir());
                } catch (IOException e) {
                    LOG.warn("could not load samples from {}: {}", samples, e.getMessage());
                }
            });
            connect.run(POST_CONNECTOR, Map.of(
                    "connector.class", DropFolderConnector.class.getName(),
                    "tasks.max", "1",
                    DropFolderConfig.DIR, config.postsDir().toAbsolutePath().toString(),
                    DropFolderConfig.CONTENT, "posts",
                    DropFolderConfig.POLL_INTERVAL_MS, Long.toString(config.postsPollIntervalMs()),
                    DropFolderConfig.MAX_FILE_BYTES, Integer.toString(config.maxItemBytes())));

            http = HttpApi.start(config.httpHost(), config.httpPort(), index.search(), this::health);
            started.push(http);
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Starts everything; on a failure part-way, stops what had started and rethrows.
     */
    public static Horizon start(HorizonConfig config) throws IOException, InterruptedException {
        return new Horizon(config);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public int httpPort() {
        return http.port();
    }

    /** Each component's health: {@code up}, or what is wrong. */
    Map<String, String> health() {
        Map<String, String> health = new LinkedHashMap<>();
        KafkaStreams.State state = streams.state();
        health.put("streams", state == KafkaStreams.State.RUNNING ? "up" : state.name().toLowerCase());
        String connector = connect.status(POST_CONNECTOR).connector().state();
        health.put("connector:" + POST_CONNECTOR, "RUNNING".equals(connector) ? "up" : connector.toLowerCase());
        health.put("indexer", indexerThread.isAlive() ? "up" : "stopped");
        return health;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.warn("error while stopping", e);
            }
        }
    }
}

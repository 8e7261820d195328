package nl.horizon.app;

import io.micrometer.core.instrument.Metrics;
import nl.horizon.app.views.LevelThresholds;
import nl.horizon.app.web.Accounts;
import nl.horizon.app.web.AuditTrail;
import nl.horizon.app.web.Authenticator;
import nl.horizon.app.web.FeedTokens;
import nl.horizon.app.web.HttpApi;
import nl.horizon.app.web.LiveUpdates;
import nl.horizon.app.web.PeopleTokens;
import nl.horizon.app.web.TierBoard;
import nl.horizon.app.web.Sessions;
import nl.horizon.app.web.SearchFilters;
import nl.horizon.app.web.SignalFeeds;
import nl.horizon.app.web.Situation;
import nl.horizon.app.web.TriageDesk;
import nl.horizon.formats.ItemFormats;
import nl.horizon.index.HorizonIndex;
import nl.horizon.index.HorizonIndexer;
import nl.horizon.index.MatchInbox;
import nl.horizon.index.SavedQueries;
import nl.horizon.index.SubscriptionRecords;
import nl.horizon.index.TopicFollower;
import nl.horizon.ingest.SourceHealth;
import nl.horizon.ingest.feed.FeedConfig;
import nl.horizon.ingest.feed.FeedConnector;
import nl.horizon.ingest.push.PushIngest;
import nl.horizon.ingest.folder.DropFolderConfig;
import nl.horizon.ingest.folder.DropFolderConnector;
import nl.horizon.ingest.folder.FolderContent;
import nl.horizon.schema.CountryPhase;
import nl.horizon.schema.Forecast;
import nl.horizon.schema.Markings;
import nl.horizon.schema.Reasons;
import nl.horizon.schema.Topics;
import nl.horizon.streams.HorizonTopology;
import nl.horizon.streams.ScoringModel;
import nl.horizon.streams.scoring.Indicator;
import nl.horizon.streams.scoring.IndicatorExtractor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The running pipeline: the data directory's lock, broker (when embedded), topic catalogue, Kafka Streams,
 * the Connect worker with the connectors, the indexer and the HTTP API, started in that order and stopped
 * in reverse. The only class that knows every module.
 */
public final class Horizon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Horizon.class);
    static final String POST_CONNECTOR = "post-drop-folder";
    static final String EVENTS_CONNECTOR = "event-drop-folder";
    static final String STRUCTURAL_CONNECTOR = "structural-drop-folder";
    static final String COUPS_CONNECTOR = "coups-drop-folder";
    /** Event tables are whole exports, far larger than one report. */
    private static final int EVENT_FILE_BYTES = 512 << 20;

    /** Where the demo analyst's token is kept when no account may read the dashboard. */
    static final String DEMO_TOKEN = "demo-token";
    /** Readers' feed tokens (hashes only), in the data directory so that they survive a restart. */
    static final String FEED_TOKENS = "feed-tokens.json";

    private final List<String> connectors = new java.util.ArrayList<>();

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final String bootstrapServers;
    private final KafkaStreams streams;
    private final StreamThreadFailures streamFailures;
    private final EmbeddedConnect connect;
    private final HorizonIndexer indexer;
    private final Thread indexerThread;
    private final HttpApi http;
    private Telemetry telemetry;

    private Horizon(HorizonConfig config) throws IOException, InterruptedException {
        try {
            started.push(DataDirectoryLock.take(config.dataDir()));
            telemetry = new Telemetry();
            started.push(telemetry);
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

            ScoringModel model = ScoringModel.load(config.scoringDir());
            Markings markings = config.markings();
            Properties streamsSettings = HorizonTopology.settings(bootstrapServers, config.dataDir().resolve("streams"),
                    config.streamsThreads(), config.replicationFactor());
            streamsSettings.putAll(config.kafkaClientSettings());
            streams = new KafkaStreams(HorizonTopology.build(ItemFormats.standard(markings), model),
                    streamsSettings);
            streamFailures = new StreamThreadFailures(Metrics.globalRegistry, Clock.systemUTC(),
                    StreamThreadFailures.WINDOW);
            streams.setUncaughtExceptionHandler(e -> {
                LOG.error("stream thread failed; replacing it", e);
                streamFailures.record(e);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            });
            telemetry.watch(streams);
            streams.start();
            started.push(() -> streams.close(Duration.ofSeconds(30)));

            Map<String, Object> producerSettings = new LinkedHashMap<>(client);
            producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
            producerSettings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            producerSettings.put(ProducerConfig.CLIENT_ID_CONFIG, "horizon-api");
            KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings, new StringSerializer(),
                    new ByteArraySerializer());
            started.push(producer);
            telemetry.watch(producer);

            HorizonIndex index = HorizonIndex.open(config.dataDir().resolve("index"));
            started.push(index);
            SavedQueries savedQueries = new SavedQueries(producer, Clock.systemUTC());
            started.push(savedQueries);
            MatchInbox inbox = new MatchInbox();
            follow(config.kafkaClientSettings(), "horizon-subscriptions", SubscriptionRecords.TOPICS,
                    new SubscriptionRecords(savedQueries, inbox));
            TierBoard<CountryPhase> phases = TierBoard.byDay();
            follow(config.kafkaClientSettings(), "horizon-phases", List.of(Topics.PHASES),
                    phases.records(CountryPhase.class));
            TierBoard<Forecast> forecasts = TierBoard.byMonth();
            follow(config.kafkaClientSettings(), "horizon-forecasts", List.of(Topics.FORECASTS),
                    forecasts.records(Forecast.class));
            indexer = new HorizonIndexer(index, bootstrapServers, config.kafkaClientSettings());
            indexer.listen(savedQueries);
            LiveUpdates live = new LiveUpdates();
            indexer.listen(live);
            indexerThread = Thread.ofPlatform().name("horizon-indexer").start(indexer);
            started.push(() -> {
                indexer.close();
                indexerThread.join(30_000);
            });

            Path demoToken = config.dataDir().resolve(DEMO_TOKEN);
            Accounts accounts = Accounts.load(config.accountsFile(), markings).withDemoAnalystIfNoReaders(demoToken);
            Optional<PeopleTokens> people = config.peopleTokens();
            List<Map<String, String>> feeds = FeedCatalogue.load(config.feedsFile());
            connect = EmbeddedConnect.start(bootstrapServers, config.dataDir().resolve("connect"),
                    config.kafkaClientSettings());
            started.push(connect);
            config.samplesDir().ifPresent(samples -> {
                try {
                    Samples.loadOnce(samples, config.dataDir(), config.postsDir(), config.eventsDir());
                } catch (IOException e) {
                    LOG.warn("could not load samples from {}: {}", samples, e.getMessage());
                }
            });
            config.samplesCoupsFile().ifPresent(table -> {
                try {
                    Samples.coupsOnce(table, config.dataDir(), config.coupsDir());
                } catch (IOException e) {
                    LOG.warn("could not load the coup table {}: {}", table, e.getMessage());
                }
            });
            for (FolderContent content : FolderContent.values()) {
                MetricCatalogue.registerSource(Metrics.globalRegistry, "drop-folder:" + content.label(), false);
            }
            connectors.add(POST_CONNECTOR);
            connect.run(POST_CONNECTOR, dropFolder(config.postsDir(), "posts", config.maxItemBytes(), config));
            connectors.add(EVENTS_CONNECTOR);
            connect.run(EVENTS_CONNECTOR, dropFolder(config.eventsDir(), "event-tables", EVENT_FILE_BYTES, config));
            connectors.add(STRUCTURAL_CONNECTOR);
            connect.run(STRUCTURAL_CONNECTOR, dropFolder(config.structuralDir(), "structural-tables", EVENT_FILE_BYTES,
                    config));
            connectors.add(COUPS_CONNECTOR);
            connect.run(COUPS_CONNECTOR, dropFolder(config.coupsDir(), "coups", EVENT_FILE_BYTES, config));
            for (Map<String, String> feed : feeds) {
                Map<String, String> connector = new java.util.HashMap<>(feed);
                connector.put("connector.class", FeedConnector.class.getName());
                connector.put("tasks.max", "1");
                String name = "feed-" + feed.get(FeedConfig.NAME);
                MetricCatalogue.registerSource(Metrics.globalRegistry, feed.get(FeedConfig.NAME), true);
                connectors.add(name);
                connect.run(name, connector);
            }

            PushIngest push = new PushIngest(producer, markings, Clock.systemUTC());

            Sessions sessions = new Sessions(Clock.systemUTC(), config.secureCookies());
            http = HttpApi.start(config.httpHost(), config.httpPort(), new HttpApi.Services(
                    new Situation(index.search(), LevelThresholds.of(model.settings()),
                            new IndicatorExtractor(model.taxonomy()), model.settings().recentDays(), phases, forecasts),
                    index.search(), push, savedQueries, inbox,
                    new Authenticator(accounts, people, sessions), sessions, new TriageDesk(producer, Clock.systemUTC()),
                    new SignalFeeds(index.search()),
                    FeedTokens.open(config.dataDir().resolve(FEED_TOKENS), Clock.systemUTC(), accounts::caller),
                    new SearchFilters(model.taxonomy().indicators().stream().map(Indicator::id).toList()), live, new AuditTrail(producer, Clock.systemUTC()), this::health,
                    telemetry::scrape, config.maxItemBytes(), config.publicBaseUrl(), config.capSender(),
                    config.capValidity()));
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

    /** Tells {@code listener} of every record once it is searchable; for measuring the pipeline. */
    public void whenSearchable(HorizonIndexer.IndexListener listener) {
        indexer.listen(listener);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public int httpPort() {
        return http.port();
    }

    /** The API's routes, for checking its documentation. */
    public java.util.List<String> httpRoutes() {
        return http.routes();
    }

    private static Map<String, String> dropFolder(java.nio.file.Path dir, String content, int maxBytes,
                                                  HorizonConfig config) {
        return Map.of("connector.class", DropFolderConnector.class.getName(), "tasks.max", "1",
                DropFolderConfig.DIR, dir.toAbsolutePath().toString(),
                DropFolderConfig.CONTENT, content,
                DropFolderConfig.POLL_INTERVAL_MS, Long.toString(config.postsPollIntervalMs()),
                DropFolderConfig.MAX_FILE_BYTES, Integer.toString(maxBytes),
                DropFolderConfig.MARKINGS_FILE, config.markingsFile());
    }

    /**
     * Each component's health: {@code up}, or what is wrong. A connector whose task failed, a feed that
     * is backing off, or Streams threads that keep dying (Streams replaces them and stays RUNNING) show
     * here with the reason.
     */
    Map<String, Object> health() {
        Map<String, Object> health = new LinkedHashMap<>();
        KafkaStreams.State state = streams.state();
        health.put("streams", streamFailures.recent().map(failure -> "failing (" + failure + ")")
                .orElse(state == KafkaStreams.State.RUNNING ? "up" : state.name().toLowerCase()));
        health.put("indexer", !indexerThread.isAlive() ? "stopped"
                : indexer.failure().map(reason -> "failing, retrying: " + reason).orElse("up"));
        for (String name : connectors) {
            health.put("connector:" + name, connectorHealth(name));
        }
        SourceHealth.snapshot().forEach((source, s) -> health.put("source:" + source, s.up() ? "up" : s.detail()));
        return health;
    }

    private String connectorHealth(String name) {
        try {
            var status = connect.status(name);
            if (!"RUNNING".equals(status.connector().state())) {
                return status.connector().state().toLowerCase();
            }
            return status.tasks().stream().filter(t -> !"RUNNING".equals(t.state())).findFirst()
                    .map(t -> "task " + t.id() + " " + t.state().toLowerCase() + ": " + Reasons.firstLine(t.trace()))
                    .orElse("up");
        } catch (RuntimeException e) {
            return "unknown: " + e.getMessage();
        }
    }

    /** Follows topics from their beginning into this instance's memory, on a thread of its own. */
    private void follow(Map<String, Object> clientSettings, String clientId, List<String> topics,
                        TopicFollower.Handler handler) {
        TopicFollower follower = new TopicFollower(bootstrapServers, clientSettings, clientId, topics, handler);
        Thread thread = Thread.ofPlatform().name(clientId).start(follower);
        started.push(() -> {
            follower.close();
            thread.join(30_000);
        });
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

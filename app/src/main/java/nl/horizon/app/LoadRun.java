package nl.horizon.app;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Json;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
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
import java.util.Set;
import java.util.concurrent.Future;

/**
 * {@code horizon bench}: an end-to-end load run on the embedded broker. N realistic post reports are
 * produced onto the raw topic, as a connector would, and timed until all are searchable; in the same run
 * and on the same bytes, the raw limits: a plain Kafka producer and consumer round trip and a plain
 * Lucene {@code IndexWriter}. Prints the figures; record them in {@code BENCHMARKS.md}.
 */
final class LoadRun {

    private static final String[] PLACES = {"Bamako", "Gao", "Kidal", "Niamey", "Ouagadougou", "Khartoum", "Juba",
            "Goma", "Bangui", "Mogadishu", "Sanaa", "Aleppo", "Kabul", "Beirut", "Kharkiv", "Port-au-Prince"};
    private static final String[] EVENTS = {"Clashes between the army and armed groups were reported near %s.",
            "Thousands of displaced people arrived in %s; aid agencies report shortages of food and water.",
            "Protesters gathered in %s against rising food prices; police dispersed the crowd.",
            "An explosion at a market in %s killed several people, according to local sources.",
            "Militia fighters took control of the road to %s; the army withdrew."};

    private LoadRun() {
    }

    static int run(int reports, int rate, Path dir, PrintStream out) throws Exception {
        Files.createDirectories(dir);
        List<byte[]> items = items(reports);
        long bytes = items.stream().mapToLong(b -> b.length).sum();
        out.printf("load run: %d reports, %.1f MB, %s%n", reports, bytes / 1e6,
                rate > 0 ? "at " + rate + " reports/s" : "as fast as possible");
        // no accounts: the run reads through the demo analyst's token, kept in its data directory
        HorizonConfig config = HorizonConfig.of(Map.of(HorizonConfig.DATA_DIR, dir.toString(),
                HorizonConfig.ACCOUNTS_FILE, dir.resolve("no-accounts.yaml").toString(),
                HorizonConfig.KAFKA_EMBEDDED_PORT, Integer.toString(EmbeddedBroker.freePort()),
                HorizonConfig.KAFKA_EMBEDDED_CONTROLLER_PORT, Integer.toString(EmbeddedBroker.freePort()),
                HorizonConfig.HTTP_PORT, "0"));
        try (Horizon horizon = Horizon.start(config)) {
            Map<String, Object> producerSettings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    horizon.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.ACKS_CONFIG, "all");
            String token = java.nio.file.Files.readString(dir.resolve(Horizon.DEMO_TOKEN)).strip();
            double pipeline = pipeline(horizon, token, items, rate, producerSettings, out);
            double kafka = rawKafka(horizon.bootstrapServers(), items, producerSettings);
            double lucene = rawLucene(dir.resolve("raw-lucene"), items);
            Timer searchable = Metrics.globalRegistry.find("horizon.latency.searchable").timer();
            System.gc();
            long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            out.printf("%nresults (%d cores, max heap %d MB)%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            out.printf("  pipeline, raw topic to searchable  %10.0f reports/s%n", pipeline);
            out.printf("  raw Kafka produce + consume        %10.0f records/s  (pipeline = %.0f%% of it)%n", kafka,
                    100 * pipeline / kafka);
            out.printf("  raw Lucene IndexWriter             %10.0f docs/s%n", lucene);
            if (searchable != null) {
                for (ValueAtPercentile p : searchable.takeSnapshot().percentileValues()) {
                    out.printf("  read to searchable p%-4.0f            %10.0f ms%n", p.percentile() * 100,
                            p.value(java.util.concurrent.TimeUnit.MILLISECONDS));
                }
            }
            out.printf("  heap in use after the run          %10d MB%n", heap >> 20);
        }
        return 0;
    }

    private static double pipeline(Horizon horizon, String token, List<byte[]> items, int rate,
                                   Map<String, Object> settings, PrintStream out) throws Exception {
        long start = System.nanoTime();
        produce(settings, Topics.raw(SourceKind.POST), items, rate);
        HttpClient http = HttpClient.newHttpClient();
        long searchable = 0;
        Instant deadline = Instant.now().plusSeconds(600);
        long lastReport = System.nanoTime();
        while (searchable < items.size() && Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + horizon.httpPort() + "/api/search?kind=report&limit=1")).header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.ofString());
            searchable = Json.mapper().readTree(response.body()).path("total").asLong();
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                out.printf("  %d of %d searchable%n", searchable, items.size());
                lastReport = System.nanoTime();
            }
            Thread.sleep(50);
        }
        if (searchable < items.size()) {
            throw new IllegalStateException("only " + searchable + " of " + items.size() + " became searchable");
        }
        return items.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double rawKafka(String bootstrap, List<byte[]> items, Map<String, Object> settings) throws Exception {
        String topic = "bench.raw-round-trip";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            TopicCatalogue.awaitReady(admin, List.of(topic), Duration.ofSeconds(30));
        }
        long start = System.nanoTime();
        produce(settings, topic, items, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "bench",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(topic));
            long read = 0;
            while (read < items.size()) {
                read += consumer.poll(Duration.ofMillis(100)).count();
            }
        }
        return items.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** Sends every item, at {@code rate} per second (0: as fast as possible), and waits for every acknowledgement. */
    private static void produce(Map<String, Object> settings, String topic, List<byte[]> items, int rate)
            throws Exception {
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, "LOAD-" + i, items.get(i))));
                if (rate > 0 && i % 100 == 99) {
                    long wait = start + (i + 1) * 1_000_000_000L / rate - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
    }

    private static double rawLucene(Path dir, List<byte[]> items) throws Exception {
        long start = System.nanoTime();
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(new StandardAnalyzer()))) {
            for (int i = 0; i < items.size(); i++) {
                Document doc = new Document();
                doc.add(new StringField("id", "LOAD-" + i, Field.Store.YES));
                doc.add(new TextField("text", new String(items.get(i), java.nio.charset.StandardCharsets.UTF_8),
                        Field.Store.YES));
                writer.addDocument(doc);
            }
            writer.commit();
        }
        return items.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** Raw post items, as the drop-folder connector would write them: varied places, events and days. */
    private static List<byte[]> items(int n) throws Exception {
        List<byte[]> items = new ArrayList<>(n);
        Instant fetched = Instant.now();
        for (int i = 0; i < n; i++) {
            String place = PLACES[i % PLACES.length];
            String event = EVENTS[(i / PLACES.length) % EVENTS.length].formatted(place);
            LocalDate day = LocalDate.of(2025, 1, 1).plusDays(i % 300);
            String payload = Json.mapper().writeValueAsString(Map.of("post", "loadpost", "reference", "LOAD-" + i,
                    "date", day.toString(), "classification", "public", "language", "en",
                    "subject", "Situation report " + i + ": " + place, "body", event + " " + event));
            items.add(JsonSerde.of(RawItem.class).serialize("bench", RawItem.of("LOAD-" + i, SourceKind.POST,
                    "loadpost", "post-json", fetched, Classification.PUBLIC, payload)));
        }
        return items;
    }
}

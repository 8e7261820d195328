package nl.horizon.app;

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
import java.util.Arrays;
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

    /** Reports sent before the measured ones by default, so that the JIT has compiled the hot paths. */
    private static final int WARM_UP = 20_000;
    private static final String WARM = "WARM-";
    private static final String MEASURED = "LOAD-";
    /** How often the run asks the API how many reports are searchable (each ask costs a count over the index). */
    private static final long POLL_MS = 250;
    /** The raw limits are measured on the first this many of the same items. */
    private static final int RAW_ITEMS = 100_000;
    private static final int SEARCHES = 300;
    private static final String[] COUNTRIES = {"MLI", "SDN", "COD", "SOM", "HTI", "UKR"};

    private LoadRun() {
    }

    /**
     * What a load run sends and on what it runs.
     *
     * @param reports    measured reports
     * @param warmUp     reports sent as fast as possible before them; by default as many as measured, at most
     *                   20,000. On two cores the JIT compiles for about a core's worth of time through the
     *                   first minute or two, so a latency measured after the default warm-up includes it;
     *                   a larger warm-up measures a long-running Horizon
     * @param rate       reports per second; 0: as fast as possible
     * @param threads    Kafka Streams threads per instance ({@code streams.threads})
     * @param partitions partitions of every topic Horizon creates ({@code kafka.topic.partitions}), and of the
     *                   raw round trip's topic, so that the raw limit is measured on as many
     * @param instances  Horizons sharing the work (one application id, as on several hosts), in this process;
     *                   the first runs the broker and answers the searches, each keeps a full index
     */
    record Options(int reports, int warmUp, int rate, int threads, int partitions, int instances) {

        Options {
            if (reports < 1 || warmUp < 1 || rate < 0 || threads < 1 || partitions < 1 || instances < 1) {
                throw new IllegalArgumentException("reports, warm-up, threads, partitions and instances must be"
                        + " at least 1, rate at least 0");
            }
        }

        /**
         * {@code [REPORTS [RATE]] [--warm-up N] [--threads N] [--partitions N] [--instances N]}, after
         * {@code bench}.
         */
        static Options parse(List<String> args) {
            List<Integer> positional = new ArrayList<>();
            int warmUp = -1;
            int threads = 1;
            int partitions = 3;
            int instances = 1;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.startsWith("--")) {
                    if (i + 1 == args.size()) {
                        throw new IllegalArgumentException(arg + " needs a number");
                    }
                    int value = number(arg, args.get(++i));
                    switch (arg) {
                        case "--warm-up" -> warmUp = value;
                        case "--threads" -> threads = value;
                        case "--partitions" -> partitions = value;
                        case "--instances" -> instances = value;
                        default -> throw new IllegalArgumentException("unknown option " + arg
                                + "; accepted: --warm-up, --threads, --partitions, --instances");
                    }
                } else if (positional.size() < 2) {
                    positional.add(number(positional.isEmpty() ? "REPORTS" : "RATE", arg));
                } else {
                    throw new IllegalArgumentException("unexpected argument " + arg);
                }
            }
            int reports = positional.isEmpty() ? 20_000 : positional.get(0);
            return new Options(reports, warmUp < 0 ? Math.min(reports, WARM_UP) : warmUp,
                    positional.size() < 2 ? 0 : positional.get(1), threads, partitions, instances);
        }

        private static int number(String name, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
            }
        }
    }

    static int run(Options options, Path dir, PrintStream out) throws Exception {
        Files.createDirectories(dir);
        int reports = options.reports();
        int rate = options.rate();
        int warmUp = options.warmUp();
        out.printf("load run: %d reports, %s, after %d reports to warm up; %d stream thread(s) per instance,"
                        + " %d partitions, %d instance(s)%n", reports,
                rate > 0 ? "at " + rate + " reports/s" : "as fast as possible", warmUp, options.threads(),
                options.partitions(), options.instances());
        // no accounts: the run reads through the demo analyst's token, kept in its data directory
        HorizonConfig config = HorizonConfig.of(Map.of(HorizonConfig.DATA_DIR, dir.toString(),
                HorizonConfig.ACCOUNTS_FILE, dir.resolve("no-accounts.yaml").toString(),
                HorizonConfig.KAFKA_EMBEDDED_PORT, Integer.toString(EmbeddedBroker.freePort()),
                HorizonConfig.KAFKA_EMBEDDED_CONTROLLER_PORT, Integer.toString(EmbeddedBroker.freePort()),
                HorizonConfig.HTTP_PORT, "0",
                HorizonConfig.STREAMS_THREADS, Integer.toString(options.threads()),
                HorizonConfig.KAFKA_PARTITIONS, Integer.toString(options.partitions())));
        // resources close in reverse: the other instances before the first, which holds the broker they use
        try (Horizon horizon = Horizon.start(config);
             OtherInstances others = OtherInstances.start(horizon, options, dir)) {
            Map<String, Object> producerSettings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    horizon.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.ACKS_CONFIG, "all");
            Api api = new Api(horizon.httpPort(),
                    java.nio.file.Files.readString(dir.resolve(Horizon.DEMO_TOKEN)).strip());
            SearchableLatency latency = new SearchableLatency(MEASURED);
            horizon.whenSearchable(latency);
            // the JIT compiles the hot paths during the first seconds; a service runs for months, so the
            // figures are taken after a warm-up on the same kind of reports
            pipeline(api, WARM, warmUp, 0, 0, producerSettings, out);
            double pipeline;
            double scored;
            Map<String, Double> cpuSeconds;
            Map<String, Double> cpuScored;
            try (CpuShares cpu = CpuShares.start()) {
                long start = System.nanoTime();
                pipeline = pipeline(api, MEASURED, reports, rate, warmUp, producerSettings, out);
                cpuSeconds = cpu.seconds();
                scored = reports / ((streamsIdle(horizon.bootstrapServers()) - start) / 1e9);
                cpuScored = cpu.seconds();
            }
            settle(api);
            facetedSearches(api, SEARCHES / 3);
            long[] search = facetedSearches(api, SEARCHES);
            System.gc();
            long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            List<byte[]> same = items(MEASURED, Math.min(reports, RAW_ITEMS));
            double kafka = rawKafka(horizon.bootstrapServers(), same, producerSettings, options.partitions());
            double lucene = rawLucene(dir.resolve("raw-lucene"), same);
            out.printf("%nresults (%d cores, max heap %d MB)%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            out.printf("  pipeline, raw topic to searchable  %10.0f reports/s%n", pipeline);
            out.printf("  raw Kafka produce + consume        %10.0f records/s  (pipeline = %.0f%% of it; %d items)%n",
                    kafka, 100 * pipeline / kafka, same.size());
            out.printf("  raw Lucene IndexWriter             %10.0f docs/s%n", lucene);
            out.printf("  CPU, measured phase                %10.1f ms per 1,000 reports (%s)%n",
                    1000 * cpuSeconds.get("total") * 1000 / reports, cpuShares(cpuSeconds));
            out.printf("  pipeline, raw topic to scored      %10.0f reports/s  (Streams' committed offsets stopped moving)%n",
                    scored);
            out.printf("  CPU, until scored                  %10.1f ms per 1,000 reports (%s)%n",
                    1000 * cpuScored.get("total") * 1000 / reports, cpuShares(cpuScored));
            for (double p : new double[]{50, 95, 99, 100}) {
                out.printf("  read to searchable %-5s            %10d ms%n", p == 100 ? "max" : "p" + (int) p,
                        latency.percentileMillis(p));
            }
            out.printf("  faceted search p50 / p99 / max     %6d / %d / %d ms (%d searches over the API)%n",
                    search[search.length / 2], search[(int) Math.ceil(search.length * 0.99) - 1],
                    search[search.length - 1], search.length);
            out.printf("  heap in use after the run          %10d MB (%d reports indexed%s)%n", heap >> 20,
                    warmUp + reports, others.all().isEmpty() ? "" : ", by each of " + options.instances() + " instances");
        }
        return 0;
    }

    /** The instances after the first, on its broker, each with a data directory of its own. */
    private record OtherInstances(List<Horizon> all) implements AutoCloseable {

        static OtherInstances start(Horizon first, Options options, Path dir) throws Exception {
            OtherInstances others = new OtherInstances(new ArrayList<>());
            try {
                for (int i = 2; i <= options.instances(); i++) {
                    others.all().add(Horizon.start(HorizonConfig.of(Map.of(
                            HorizonConfig.DATA_DIR, dir.resolve("instance-" + i).toString(),
                            HorizonConfig.ACCOUNTS_FILE, dir.resolve("no-accounts.yaml").toString(),
                            HorizonConfig.KAFKA_BOOTSTRAP_SERVERS, first.bootstrapServers(),
                            HorizonConfig.HTTP_PORT, "0",
                            HorizonConfig.STREAMS_THREADS, Integer.toString(options.threads()),
                            HorizonConfig.KAFKA_PARTITIONS, Integer.toString(options.partitions())))));
                }
                return others;
            } catch (Exception | Error e) {
                others.close();
                throw e;
            }
        }

        @Override
        public void close() {
            all.forEach(Horizon::close);
        }
    }

    /** Each stage's share of the CPU time: {@code streams 41%, indexer 18%, ...}. */
    private static String cpuShares(Map<String, Double> seconds) {
        double total = seconds.get("total");
        StringBuilder shares = new StringBuilder();
        seconds.forEach((stage, s) -> {
            if (!stage.equals("total")) {
                shares.append(shares.isEmpty() ? "" : ", ").append(stage).append(' ')
                        .append(Math.round(100 * s / total)).append('%');
            }
        });
        return shares.toString();
    }

    /**
     * Searches as analysts do, a word with filters, every answer with its facet counts, one after another;
     * returns the sorted durations in milliseconds.
     */
    private static long[] facetedSearches(Api api, int searches) throws Exception {
        String[] words = {"clashes", "displaced", "protesters", "explosion", "militia", "food", "army"};
        long[] millis = new long[searches];
        for (int i = 0; i < searches; i++) {
            String query = "q=" + words[i % words.length] + "&kind=report"
                    + (i % 3 == 0 ? "" : "&country=" + COUNTRIES[i % COUNTRIES.length])
                    + (i % 2 == 0 ? "" : "&from=2025-0" + (1 + i % 6) + "-01&to=2025-09-30")
                    + (i % 5 == 0 ? "&sort=time" : "");
            long start = System.nanoTime();
            api.search(query);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        return millis;
    }

    /**
     * Waits until the index stops growing: once the reports are searchable, scoring still closes days and
     * writes risk records, and searches timed meanwhile would measure that work too. A first round of
     * searches, untimed, warms their code up.
     */
    private static void settle(Api api) throws Exception {
        long before = -1;
        long now = api.search("limit=1").path("total").asLong();
        while (now != before) {
            Thread.sleep(2_000);
            before = now;
            now = api.search("limit=1").path("total").asLong();
        }
    }

    /**
     * Waits until the Streams application has had nothing to do for 3 s: its committed offsets, over every
     * input topic (raw, observations, the forecast's internal one), stopped moving. Reports can be searchable
     * while a later step still works through them; this counts that work too, wherever a step puts it.
     *
     * @return when the offsets last moved ({@link System#nanoTime()}, to within 250 ms)
     */
    private static long streamsIdle(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long before = -1;
            long moved = System.nanoTime();
            while (System.nanoTime() - moved < 3_000_000_000L) {
                long now = admin.listConsumerGroupOffsets(nl.horizon.streams.HorizonTopology.APPLICATION_ID)
                        .partitionsToOffsetAndMetadata().get().values().stream()
                        .mapToLong(o -> o == null ? 0 : o.offset()).sum();
                if (now != before) {
                    before = now;
                    moved = System.nanoTime();
                }
                Thread.sleep(250);
            }
            return moved;
        }
    }

    /** The search API as the load run reads it: with the demo analyst's token. */
    private record Api(int port, String token) {
        private static final HttpClient HTTP = HttpClient.newHttpClient();

        com.fasterxml.jackson.databind.JsonNode search(String query) throws Exception {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/search?" + query)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("search " + query + " answered " + response.statusCode());
            }
            return Json.mapper().readTree(response.body());
        }
    }

    /**
     * Produces {@code count} reports named {@code prefix} and waits until the index holds {@code before + count}.
     *
     * @return reports per second, from the first send to the last one searchable
     */
    private static double pipeline(Api api, String prefix, int count, int rate, int before,
                                   Map<String, Object> settings, PrintStream out) throws Exception {
        long start = System.nanoTime();
        produce(settings, Topics.raw(SourceKind.POST), count, rate, i -> item(prefix, i, Instant.now()));
        long searchable = 0;
        Instant deadline = Instant.now().plusSeconds(1800);
        long lastReport = System.nanoTime();
        while (searchable < before + count && Instant.now().isBefore(deadline)) {
            searchable = api.search("kind=report&limit=1").path("total").asLong();
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                out.printf("  %s: %d of %d searchable%n", prefix, searchable - before, count);
                lastReport = System.nanoTime();
            }
            Thread.sleep(POLL_MS);
        }
        if (searchable < before + count) {
            throw new IllegalStateException("only " + (searchable - before) + " of " + count + " became searchable");
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static double rawKafka(String bootstrap, List<byte[]> items, Map<String, Object> settings,
                                   int partitions) throws Exception {
        String topic = "bench.raw-round-trip";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            TopicCatalogue.awaitReady(admin, List.of(topic), Duration.ofSeconds(30));
        }
        long start = System.nanoTime();
        produce(settings, topic, items.size(), 0, items::get);
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

    /**
     * Sends {@code count} items, made when they are sent, at {@code rate} per second (0: as fast as possible),
     * and waits for every acknowledgement.
     */
    private static void produce(Map<String, Object> settings, String topic, int count, int rate,
                                java.util.function.IntFunction<byte[]> item) throws Exception {
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, "ITEM-" + i, item.apply(i))));
                if (rate > 0 && i % 10 == 9) {
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
    private static List<byte[]> items(String prefix, int n) {
        List<byte[]> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(item(prefix, i, Instant.now()));
        }
        return items;
    }

    /** One raw post item, read by its connector at {@code fetched}. */
    static byte[] item(String prefix, int i, Instant fetched) {
        String place = PLACES[i % PLACES.length];
        String event = EVENTS[(i / PLACES.length) % EVENTS.length].formatted(place);
        LocalDate day = LocalDate.of(2025, 1, 1).plusDays(i % 300);
        String reference = prefix + i;
        try {
            String payload = Json.mapper().writeValueAsString(Map.of("post", "loadpost", "reference", reference,
                    "date", day.toString(), "classification", "public", "language", "en",
                    "subject", "Situation report " + i + ": " + place, "body", event + " " + event));
            return JsonSerde.of(RawItem.class).serialize("bench", RawItem.of(reference, SourceKind.POST,
                    "loadpost", "post-json", fetched, Classification.PUBLIC, payload));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

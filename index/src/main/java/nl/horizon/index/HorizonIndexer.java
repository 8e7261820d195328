package nl.horizon.index;

import io.micrometer.core.instrument.Metrics;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Report;
import nl.horizon.schema.Signal;
import nl.horizon.schema.TriageDecision;
import nl.horizon.schema.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Feeds reports, signals, country risk and triage decisions into the {@link HorizonIndex}. It assigns itself every
 * partition and seeks to the offsets stored in the index, not in a consumer group: the index is the
 * only source of truth for what it holds. Reads committed records only, since Streams writes
 * transactionally.
 *
 * <p>What was read is made searchable by a near-real-time refresh at most once per
 * {@link #REFRESH_INTERVAL} (at once when the indexer had been idle longer); the index commit, which syncs
 * to disk and records the offsets read, follows at most once per {@link #COMMIT_INTERVAL} and when the
 * indexer stops. After a crash the index opens at its last commit and the records read since are indexed
 * again; a document's id is its key, so they replace themselves and nothing is doubled.
 */
public final class HorizonIndexer implements Runnable, AutoCloseable {

    /** The topics indexed. */
    public static final List<String> TOPICS = List.of(Topics.REPORTS, Topics.SIGNALS, Topics.COUNTRY_RISK,
            Topics.TRIAGE);
    private static final Logger LOG = LoggerFactory.getLogger(HorizonIndexer.class);
    private static final io.micrometer.core.instrument.Timer SEARCHABLE = io.micrometer.core.instrument.Timer
            .builder("horizon.latency.searchable").description("from reading an item to its report being searchable")
            .publishPercentiles(0.5, 0.95, 0.99).register(Metrics.globalRegistry);

    /** How often the index is committed: fsyncs were a fifth of the indexer's time at one per batch. */
    static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);
    /**
     * How often what was read is made searchable. A refresh per poll wrote a small segment per poll, which
     * Lucene's merges then read and wrote again; under load a poll brings a few hundred records, so a
     * refresh per interval makes fewer, larger segments and adds at most this much to read-to-searchable.
     */
    static final Duration REFRESH_INTERVAL = Duration.ofMillis(100);
    /**
     * Records per poll: larger than Kafka's 500, so that under load a batch carries what arrived
     * during a refresh interval; the settings given to the indexer override these.
     */
    private static final Map<String, Object> POLL_DEFAULTS = Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
            ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 << 20);

    private final HorizonIndex index;
    /** Offsets read and indexed but not yet committed. */
    private final Map<TopicPartition, Long> uncommitted = new HashMap<>();
    private long lastCommitNanos = System.nanoTime();
    /** Indexed since the last refresh, told to the listeners once searchable. */
    private final List<Object> unrefreshed = new ArrayList<>();
    /** Whether the index changed since the last refresh (a removed risk point changes it, unlisted). */
    private boolean changed;
    private long lastRefreshNanos = System.nanoTime();
    private final KafkaConsumer<String, byte[]> consumer;
    private static final long RETRY_FIRST_MS = 1_000;
    private static final long RETRY_MAX_MS = 30_000;

    private final List<IndexListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private volatile String failure;

    /** Told of every document indexed, after it is searchable: saved-query matching listens here. */
    public interface IndexListener {
        void indexed(Object record);
    }

    public HorizonIndexer(HorizonIndex index, String bootstrapServers, Map<String, Object> clientSettings) {
        this.index = index;
        Properties props = new Properties();
        props.putAll(POLL_DEFAULTS);
        props.putAll(clientSettings);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "horizon-indexer");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Adds a listener, before or while the indexer runs. */
    public void listen(IndexListener listener) {
        listeners.add(listener);
    }

    /**
     * Indexes until closed. When the index cannot be written (a full disk, a read-only directory) the
     * indexer stops writing, search goes on with what was visible, and it tries again with a growing pause:
     * it reopens the index at its last commit and reads on from the offsets stored there, so nothing is
     * lost or doubled once the directory can be written again.
     */
    @Override
    public void run() {
        try {
            long pauseMs = RETRY_FIRST_MS;
            while (running) {
                try {
                    loop(() -> running);
                } catch (UncheckedIOException | AlreadyClosedException e) {
                    failure = e.getMessage();
                    Metrics.counter("horizon.index.write.failures").increment();
                    LOG.error("index write failed; indexing stops, search keeps what it showed, retrying in {} ms",
                            pauseMs, e);
                    pause(pauseMs);
                    pauseMs = Math.min(pauseMs * 2, RETRY_MAX_MS);
                    if (running && reopen()) {
                        pauseMs = RETRY_FIRST_MS;
                    }
                }
            }
        } finally {
            consumer.close();
        }
    }

    /** Why indexing is stopped, while it is; empty while it runs. */
    public java.util.Optional<String> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    private boolean reopen() {
        try {
            index.recover();
            uncommitted.clear();
            unrefreshed.clear();
            changed = false;
            failure = null;
            LOG.info("index reopened at its last commit; indexing resumes");
            return true;
        } catch (IOException | RuntimeException e) {
            failure = e.getMessage();
            LOG.warn("the index still cannot be written: {}", e.getMessage());
            return false;
        }
    }

    private void pause(long millis) {
        long until = System.nanoTime() + millis * 1_000_000;
        while (running && System.nanoTime() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Indexes until every partition has been read up to where it ended when this was called (the last
     * committed record), reporting {@code (done, total)} after each batch; for rebuilding the index.
     */
    public void catchUp(java.util.function.BiConsumer<Long, Long> progress) {
        Map<TopicPartition, Long> end = new HashMap<>();
        try {
            loop(() -> {
                if (end.isEmpty()) {
                    end.putAll(consumer.endOffsets(consumer.assignment()));
                }
                long total = end.values().stream().mapToLong(Long::longValue).sum();
                long done = end.keySet().stream().mapToLong(consumer::position).sum();
                progress.accept(done, total);
                return done < total;
            });
        } finally {
            consumer.close();
        }
    }

    private void loop(java.util.function.BooleanSupplier more) {
        try {
            assignFromIndex();
            try {
                while (running && more.getAsBoolean()) {
                    ConsumerRecords<String, byte[]> records = consumer.poll(untilRefresh());
                    if (!records.isEmpty()) {
                        indexBatch(records);
                    }
                    if (changed && System.nanoTime() - lastRefreshNanos >= REFRESH_INTERVAL.toNanos()) {
                        refresh();
                    }
                    if (!uncommitted.isEmpty() && System.nanoTime() - lastCommitNanos >= COMMIT_INTERVAL.toNanos()) {
                        commit();
                    }
                }
            } catch (WakeupException e) {
                if (running) {
                    throw e;
                }
            }
            refresh();
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("index write failed: " + e.getMessage(), e);
        }
    }

    private void assignFromIndex() throws IOException {
        List<TopicPartition> assigned = new ArrayList<>();
        for (String topic : TOPICS) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> assigned.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(assigned);
        Map<TopicPartition, Long> committed = index.committedOffsets();
        for (TopicPartition tp : assigned) {
            Long next = committed.get(tp);
            if (next == null) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, next);
            }
        }
        LOG.info("indexing {} from offsets {}", TOPICS, committed);
    }

    private void indexBatch(ConsumerRecords<String, byte[]> records) throws IOException {
        List<Object> indexed = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Object done = indexRecord(record);
                if (done != null) {
                    indexed.add(done);
                }
            } catch (SerializationException e) {
                // a record that is not what its topic promises is a bug upstream, not input to reject: logged
                // with its position and counted, and the indexer moves on so search stays current
                Metrics.counter("horizon.index.unreadable", "topic", record.topic()).increment();
                LOG.error("skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        // the consumer's position, not the last offset + 1: it steps over transaction markers, so a fully
        // read partition is recorded as fully read
        records.partitions().forEach(tp -> uncommitted.put(tp, consumer.position(tp)));
        unrefreshed.addAll(indexed);
        changed = true;
    }

    /**
     * How long a poll may wait: until the pending refresh is due, so that records read just after a refresh
     * wait for the next one only, not for the poll that follows it too.
     */
    private Duration untilRefresh() {
        if (!changed) {
            return REFRESH_INTERVAL;
        }
        long left = REFRESH_INTERVAL.toNanos() - (System.nanoTime() - lastRefreshNanos);
        return Duration.ofNanos(Math.max(0, left));
    }

    /** Makes what was indexed searchable, then tells the listeners. */
    private void refresh() throws IOException {
        if (!changed) {
            return;
        }
        index.refresh();
        changed = false;
        lastRefreshNanos = System.nanoTime();
        List<Object> indexed = List.copyOf(unrefreshed);
        unrefreshed.clear();
        Metrics.counter("horizon.index.documents").increment(indexed.size());
        java.time.Instant now = java.time.Instant.now();
        for (Object record : indexed) {
            if (record instanceof Report report && report.receivedAt() != null) {
                // from the moment a connector read the item to the moment it is searchable (wall clock: a
                // measurement of the pipeline, never an input to scoring)
                SEARCHABLE.record(Duration.between(report.receivedAt(), now));
            }
        }
        for (Object record : indexed) {
            listeners.forEach(l -> l.indexed(record));
        }
    }

    private void commit() throws IOException {
        index.commit(uncommitted);
        uncommitted.clear();
        lastCommitNanos = System.nanoTime();
    }

    /** Indexes one record; returns it, or null when it removed a risk point (a tombstone). */
    private Object indexRecord(ConsumerRecord<String, byte[]> record) throws IOException {
        switch (record.topic()) {
            case Topics.REPORTS -> {
                Report report = JsonSerde.of(Report.class).deserialize(record.topic(), record.value());
                index.upsert(report);
                return report;
            }
            case Topics.SIGNALS -> {
                Signal signal = JsonSerde.of(Signal.class).deserialize(record.topic(), record.value());
                index.upsert(signal);
                return signal;
            }
            case Topics.TRIAGE -> {
                TriageDecision decision = JsonSerde.of(TriageDecision.class).deserialize(record.topic(),
                        record.value());
                index.upsert(decision);
                return decision;
            }
            default -> {
                CountryRisk risk = JsonSerde.of(CountryRisk.class).deserialize(record.topic(), record.value());
                if (risk == null) {
                    index.removeRisk(record.key());
                } else {
                    index.upsert(risk);
                }
                return risk;
            }
        }
    }

    /** Stops the loop; {@link #run()} returns after closing the consumer. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}

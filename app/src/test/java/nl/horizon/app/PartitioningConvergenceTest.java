package nl.horizon.app;

import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Signal;
import nl.horizon.schema.Topics;
import nl.horizon.streams.HorizonTopology;
import nl.horizon.streams.ScoringBacklog;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The result does not depend on partitioning: the demo samples (an event table and posts of two tiers)
 * through the whole pipeline on a real broker, once on one partition with one stream thread and once on
 * four partitions with two threads, end in the same standing signals and the same latest risk point per
 * key, read from the topics as a downstream consumer folds them; only the revisions may differ.
 */
class PartitioningConvergenceTest {

    /** How long the topics must stay quiet before the results count as settled. */
    private static final Duration QUIET = Duration.ofSeconds(20);

    @TempDir
    Path onePartition;
    @TempDir
    Path fourPartitions;

    /** What a consumer of the two topics ends with, without revisions. */
    record Folded(Map<String, Signal> signals, Map<String, CountryRisk> risks) {
    }

    @Test
    void fourPartitionsAndTwoThreadsEndWhereOnePartitionEnds() throws Exception {
        Folded one = run(onePartition, 1, 1);
        Folded four = run(fourPartitions, 4, 2);
        assertThat(one.signals()).as("the samples raise signals").isNotEmpty();
        assertThat(four.signals()).as(differences(one.signals(), four.signals())).isEqualTo(one.signals());
        assertThat(four.risks()).as(differences(one.risks(), four.risks())).isEqualTo(one.risks());
    }

    /** Names only the keys whose values differ, so that a failure on a loaded machine can be read. */
    private static String differences(Map<String, ?> one, Map<String, ?> four) {
        Set<String> keys = new TreeSet<>(one.keySet());
        keys.addAll(four.keySet());
        return keys.stream().filter(key -> !Objects.equals(one.get(key), four.get(key)))
                .map(key -> key + ":\n  one partition:   " + one.get(key) + "\n  four partitions: " + four.get(key))
                .collect(Collectors.joining("\n", "differing keys:\n", ""));
    }

    private static Folded run(Path dataDir, int partitions, int threads) throws Exception {
        Path root = Path.of(System.getProperty("horizon.root", ".."));
        try (Horizon horizon = Horizon.start(HorizonConfig.of(Map.of(
                HorizonConfig.DATA_DIR, dataDir.toString(),
                HorizonConfig.SCORING_DIR, EmbeddedBrokerTest.repoConfig(),
                HorizonConfig.SAMPLES_DIR, root.resolve("samples").toString(),
                HorizonConfig.KAFKA_EMBEDDED_PORT, Integer.toString(EmbeddedBroker.freePort()),
                HorizonConfig.KAFKA_EMBEDDED_CONTROLLER_PORT, Integer.toString(EmbeddedBroker.freePort()),
                HorizonConfig.KAFKA_PARTITIONS, Integer.toString(partitions),
                HorizonConfig.STREAMS_THREADS, Integer.toString(threads),
                HorizonConfig.HTTP_PORT, "0",
                HorizonConfig.POSTS_POLL_INTERVAL_MS, "100")))) {
            return fold(horizon.bootstrapServers());
        }
    }

    /**
     * Reads both topics, folding them by key, until the pipeline has settled: the Streams application has
     * read all its input, no scoring task holds input it has not scored ({@link ScoringBacklog}) and nothing
     * came out for {@link #QUIET}. Quiet alone was not enough: on a loaded machine a re-score took long enough
     * that the detector rested longer than that before publishing the rest.
     */
    private static Folded fold(String bootstrapServers) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "partitioning-convergence-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Signal> signals = new TreeMap<>();
        Map<String, CountryRisk> risks = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            consumer.subscribe(List.of(Topics.SIGNALS, Topics.COUNTRY_RISK));
            Instant deadline = Instant.now().plusSeconds(300);
            Instant settledSince = Instant.now();
            while (Instant.now().isBefore(deadline)
                    && (signals.isEmpty() || Duration.between(settledSince, Instant.now()).compareTo(QUIET) < 0)) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty() || !ScoringBacklog.idle() || !streamsCaughtUp(admin)) {
                    settledSince = Instant.now();
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.topic().equals(Topics.SIGNALS)) {
                        Signal signal = JsonSerde.of(Signal.class).deserialize(record.topic(), record.value());
                        signals.put(record.key(), signal.withRevision(null));
                    } else if (record.value() == null) {
                        risks.remove(record.key());
                    } else {
                        risks.put(record.key(), JsonSerde.of(CountryRisk.class).deserialize(record.topic(),
                                record.value()).withRevision(null));
                    }
                }
            }
        }
        signals.values().removeIf(s -> !s.standing());
        return new Folded(signals, risks);
    }

    /**
     * Whether the Streams application has committed offsets up to the end of every partition of every topic
     * it reads. One record of lag is allowed: a topic written in transactions ends with a commit marker that
     * a consumer's committed offset may stop short of.
     */
    private static boolean streamsCaughtUp(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(HorizonTopology.APPLICATION_ID)
                .partitionsToOffsetAndMetadata().get();
        Set<String> topics = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
        if (topics.isEmpty()) {
            return false;
        }
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().values().forEach(topic -> topic.partitions().forEach(
                p -> ends.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
        return admin.listOffsets(ends).all().get().entrySet().stream().allMatch(end -> {
            OffsetAndMetadata read = committed.get(end.getKey());
            return end.getValue().offset() - (read == null ? 0 : read.offset()) <= 1;
        });
    }
}

package nl.horizon.app;

import nl.horizon.app.web.PhaseBoard;
import nl.horizon.schema.CountryPhase;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Follows {@code horizon.phases.v1} from its beginning into a {@link PhaseBoard}, so that every instance
 * (and every restart) holds every country's current phase. Only committed records are read: the detector
 * writes exactly-once. A record that does not read is logged and skipped, never fatal to the others.
 */
final class PhaseFollower implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PhaseFollower.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final PhaseBoard board;
    private volatile boolean running = true;

    PhaseFollower(String bootstrapServers, Map<String, Object> clientSettings, PhaseBoard board) {
        Properties props = new Properties();
        props.putAll(clientSettings);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "horizon-phases");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.board = board;
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PHASES, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    follow(record);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close();
        }
    }

    private void follow(ConsumerRecord<String, byte[]> record) {
        try {
            board.apply(record.key(), record.value() == null ? null
                    : JsonSerde.of(CountryPhase.class).deserialize(record.topic(), record.value()));
        } catch (SerializationException | IllegalArgumentException e) {
            LOG.error("skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}

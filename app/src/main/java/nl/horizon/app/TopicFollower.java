package nl.horizon.app;

import nl.horizon.app.web.TierBoard;
import nl.horizon.schema.JsonSerde;
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
 * Follows a compacted topic of the streams application ({@code horizon.phases.v1},
 * {@code horizon.forecasts.v1}) from its beginning into a {@link TierBoard}, so that every instance (and
 * every restart) holds every country's current value. Only committed records are read: the streams
 * application writes exactly-once. A record that does not read is logged and skipped, never fatal to the
 * others.
 *
 * @param <T> the topic's value
 */
final class TopicFollower<T> implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final JsonSerde<T> serde;
    private final TierBoard<T> board;
    private volatile boolean running = true;

    TopicFollower(String bootstrapServers, Map<String, Object> clientSettings, String topic, Class<T> type,
                  TierBoard<T> board) {
        Properties props = new Properties();
        props.putAll(clientSettings);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "horizon-follower-" + topic);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.serde = JsonSerde.of(type);
        this.board = board;
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
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
                    : serde.deserialize(record.topic(), record.value()));
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

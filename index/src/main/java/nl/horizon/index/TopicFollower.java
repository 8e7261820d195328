package nl.horizon.index;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Follows topics from their beginning into an instance's memory (saved queries and matches, phases,
 * forecasts), so that every instance, and every restart, rebuilds the same state from the topics alone.
 * Only committed records are read: their writers write exactly-once. A record its handler cannot read is
 * logged and skipped, never fatal to the others.
 */
public final class TopicFollower implements Runnable, AutoCloseable {

    /** What the follower does with each record, tombstones included. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @throws SerializationException   when the value does not read as the topic's record
         * @throws IllegalArgumentException when the key or value is not what the topic holds
         */
        void follow(ConsumerRecord<String, byte[]> record);
    }

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<String> topics;
    private final Handler handler;
    private volatile boolean running = true;

    /** @param clientId names the consumer in the broker's and the metrics' view, e.g. {@code horizon-phases} */
    public TopicFollower(String bootstrapServers, Map<String, Object> clientSettings, String clientId,
                         List<String> topics, Handler handler) {
        Properties props = new Properties();
        props.putAll(clientSettings);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.topics = List.copyOf(topics);
        this.handler = handler;
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
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
            handler.follow(record);
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

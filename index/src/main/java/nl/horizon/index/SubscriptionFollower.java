package nl.horizon.index;

import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Match;
import nl.horizon.schema.Subscription;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Follows the subscriptions topic (every instance holds every saved query) and the matches topic (for
 * notifications) from their beginning, so a restart or a second instance rebuilds the same state.
 */
public final class SubscriptionFollower implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionFollower.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final SavedQueries queries;
    private final MatchInbox inbox;
    private volatile boolean running = true;

    public SubscriptionFollower(String bootstrapServers, Map<String, Object> clientSettings, SavedQueries queries,
                                MatchInbox inbox) {
        Properties props = new Properties();
        props.putAll(clientSettings);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "horizon-subscriptions");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.queries = queries;
        this.inbox = inbox;
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.SUBSCRIPTIONS, Topics.MATCHES)) {
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
            if (Topics.SUBSCRIPTIONS.equals(record.topic())) {
                queries.apply(record.key(), record.value() == null ? null
                        : JsonSerde.of(Subscription.class).deserialize(record.topic(), record.value()));
            } else if (record.value() != null) {
                inbox.add(JsonSerde.of(Match.class).deserialize(record.topic(), record.value()));
            }
        } catch (SerializationException e) {
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

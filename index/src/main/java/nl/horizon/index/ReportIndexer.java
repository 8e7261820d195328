package nl.horizon.index;

import io.micrometer.core.instrument.Metrics;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Report;
import nl.horizon.schema.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Feeds {@code horizon.reports.v1} into the {@link ReportIndex}. It assigns itself every partition and
 * seeks to the offsets stored in the index, not in a consumer group: the index is the only source of
 * truth for what it holds. Reads committed records only, since the normaliser writes transactionally.
 */
public final class ReportIndexer implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReportIndexer.class);

    private final ReportIndex index;
    private final KafkaConsumer<String, Report> consumer;
    private volatile boolean running = true;

    public ReportIndexer(ReportIndex index, String bootstrapServers) {
        this.index = index;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "horizon-indexer");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), JsonSerde.of(Report.class));
    }

    @Override
    public void run() {
        try {
            assignFromIndex();
            while (running) {
                ConsumerRecords<String, Report> records;
                try {
                    records = consumer.poll(Duration.ofMillis(200));
                } catch (RecordDeserializationException e) {
                    skipUnreadable(e);
                    continue;
                }
                if (!records.isEmpty()) {
                    indexBatch(records);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("index write failed; the indexer stops and resumes from its last commit",
                    e);
        } finally {
            consumer.close();
        }
    }

    private void assignFromIndex() throws IOException {
        List<PartitionInfo> partitions = consumer.partitionsFor(Topics.REPORTS, Duration.ofSeconds(30));
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
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
        LOG.info("indexing {} from offsets {}", Topics.REPORTS, committed);
    }

    private void indexBatch(ConsumerRecords<String, Report> records) throws IOException {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<String, Report> record : records) {
            index.upsert(record.value());
            next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
        index.commit(next);
        index.refresh();
    }

    /**
     * A record on the reports topic that is not a report is a bug upstream, not input to reject: it is
     * logged with its position and counted, and the indexer moves past it so search stays current.
     */
    private void skipUnreadable(RecordDeserializationException e) {
        Metrics.counter("horizon.index.unreadable").increment();
        LOG.error("skipping unreadable record {} at offset {}: {}", e.topicPartition(), e.offset(), e.getMessage());
        consumer.seek(e.topicPartition(), e.offset() + 1);
    }

    /** Stops the loop; {@link #run()} returns after closing the consumer. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}

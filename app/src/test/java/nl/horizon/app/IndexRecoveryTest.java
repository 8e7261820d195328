package nl.horizon.app;

import nl.horizon.index.HorizonIndex;
import nl.horizon.index.HorizonIndexer;
import nl.horizon.index.SearchRequest;
import nl.horizon.schema.Classification;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index is exactly-once with Kafka on a real broker: offsets live in the index commit, a restart
 * resumes from them, records read again are one document each, and the index rebuilds from the topics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexRecoveryTest {

    @TempDir
    static Path dir;
    private EmbeddedBroker broker;

    @BeforeAll
    void start() throws Exception {
        broker = EmbeddedBroker.start(dir.resolve("kafka"), EmbeddedBroker.freePort(), EmbeddedBroker.freePort());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicCatalogue.ensure(admin, 3, (short) 1, Duration.ofSeconds(60));
        }
    }

    @AfterAll
    void stop() {
        broker.close();
    }

    /** Writes reports {@code from..to-1} in transactions of 50, as Kafka Streams would (with commit markers). */
    private void produce(int from, int to) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "recovery-test-" + from), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            for (int start = from; start < to; start += 50) {
                producer.beginTransaction();
                for (int i = start; i < Math.min(to, start + 50); i++) {
                    Report report = new Report("post:bamako:R-" + i, SourceKind.POST, "bamako", List.of("MLI"), "en",
                            Instant.parse("2012-01-17T00:00:00Z"), "Report " + i, "Fighting near Menaka.",
                            Classification.PUBLIC, null, List.of(), null, null);
                    producer.send(new ProducerRecord<>(Topics.REPORTS, report.id(),
                            JsonSerde.of(Report.class).serialize(Topics.REPORTS, report)));
                }
                producer.commitTransaction();
            }
        }
    }

    private long catchUp(Path indexDir) throws Exception {
        try (HorizonIndex index = HorizonIndex.open(indexDir);
             HorizonIndexer indexer = new HorizonIndexer(index, broker.bootstrapServers(), Map.of())) {
            indexer.catchUp((done, total) -> { });
            index.refresh();
            return index.search().find(SearchRequest.of("", Classification.SECRET, 0, 1)).total();
        }
    }

    @Test
    void aRestartResumesFromTheIndexAndRecordsReadAgainAreOneDocument() throws Exception {
        Path indexDir = dir.resolve("index");
        produce(0, 300);
        assertThat(catchUp(indexDir)).isEqualTo(300);

        produce(300, 500);
        produce(0, 50);  // re-delivered: the same report ids again
        assertThat(catchUp(indexDir)).as("resumed where it stopped; re-read ids are upserted").isEqualTo(500);

        HorizonConfig config = HorizonConfig.of(Map.of(HorizonConfig.DATA_DIR, dir.toString(),
                HorizonConfig.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(IndexRebuild.run(config, new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("rebuilding the index:").contains("(100%)")
                .contains("rebuilt the index");
        try (HorizonIndex rebuilt = HorizonIndex.open(indexDir)) {
            assertThat(rebuilt.search().find(SearchRequest.of("", Classification.SECRET, 0, 1)).total()).isEqualTo(500);
        }
    }
}

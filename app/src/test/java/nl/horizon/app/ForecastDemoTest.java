package nl.horizon.app;

import nl.horizon.schema.Forecast;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher on the demo data (events May 2025 to November 2026) with a World Bank table dropped into
 * the structural folder and Powell &amp; Thyne's coup table loaded as the shipped configuration loads it
 * ({@code samples.coups.file}): the forecast of every country is issued for each month that closed, on
 * {@code horizon.forecasts.v1}, and both tables are read.
 */
class ForecastDemoTest {

    @TempDir
    Path dataDir;

    @Test
    void theDemoDataAndAWorldBankTableGiveForecastsForEveryClosedMonth() throws Exception {
        Path root = Path.of(System.getProperty("horizon.root", ".."));
        Path infants = root.resolve("../shared/data/structural/API_SP.DYN.IMRT.IN_DS2_en_csv_v2_80621.csv").normalize();
        Assumptions.assumeTrue(Files.exists(infants), "shared structural data not present: " + infants);
        Path coups = root.resolve("../shared/data/conflict-labels/powell_thyne_coups_1950-2019.csv").normalize();
        try (Horizon horizon = Horizon.start(HorizonConfig.of(Map.of(
                HorizonConfig.DATA_DIR, dataDir.toString(),
                HorizonConfig.SCORING_DIR, EmbeddedBrokerTest.repoConfig(),
                HorizonConfig.SAMPLES_DIR, root.resolve("samples").toString(),
                HorizonConfig.SAMPLES_COUPS_FILE, coups.toString(),
                HorizonConfig.KAFKA_EMBEDDED_PORT, Integer.toString(EmbeddedBroker.freePort()),
                HorizonConfig.KAFKA_EMBEDDED_CONTROLLER_PORT, Integer.toString(EmbeddedBroker.freePort()),
                HorizonConfig.HTTP_PORT, "0",
                HorizonConfig.POSTS_POLL_INTERVAL_MS, "100")))) {
            Path inbox = dataDir.resolve("inbox/structural");
            Files.createDirectories(inbox);
            Files.copy(infants, inbox.resolve(".infants.csv"));
            Files.move(inbox.resolve(".infants.csv"), inbox.resolve(infants.getFileName()));

            Map<String, Forecast> forecasts = new TreeMap<>();
            Instant deadline = Instant.now().plusSeconds(240);
            String last = "MLI:public:2026-10";
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, horizon.bootstrapServers(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = consumer.partitionsFor(Topics.FORECASTS).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                while (Instant.now().isBefore(deadline) && (!forecasts.containsKey(last)
                        || !forecasts.containsKey("SDN:public:2026-04")
                        || forecasts.get(last).missing().contains("structural.log_infant_mortality")
                        || forecasts.get(last).missing().contains("coups.attempts_5y"))) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        forecasts.put(record.key(), JsonSerde.of(Forecast.class).deserialize(Topics.FORECASTS,
                                record.value()));
                    }
                }
            }
            // events reach 20 November 2026: October's month closed on 31 October, November's has not
            assertThat(forecasts.keySet()).contains(last, "SDN:public:2026-04")
                    .doesNotContain("MLI:public:2026-11", "SDN:public:2026-03");
            Forecast mali = forecasts.get(last);
            assertThat(mali.month()).isEqualTo(YearMonth.of(2026, 10));
            assertThat(mali.model()).isEqualTo("forecast-2");
            assertThat(mali.missing()).as("the World Bank table was read")
                    .doesNotContain("structural.log_infant_mortality");
            assertThat(mali.missing()).as("the coup table was read: Mali's last attempt in it, 2012, is over five "
                    + "years before").doesNotContain("coups.attempts_5y", "coups.within_1y");
            assertThat(mali.horizons().get(0).contributions()).noneMatch(c -> c.feature().equals("coups.attempts_5y")
                    && c.value() != null && c.value() != 0.0);
            assertThat(mali.horizons()).allSatisfy(h -> assertThat(h.probability()).isBetween(0.0, 1.0));
        }
    }
}

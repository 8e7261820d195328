package nl.horizon.streams;

import nl.horizon.formats.ItemFormats;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Marking;
import nl.horizon.schema.Markings;
import nl.horizon.schema.Report;
import nl.horizon.schema.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The whole Horizon stream-processing application: every step in one topology, so that one
 * {@code KafkaStreams} instance (one consumer group, one transaction per commit) runs them all.
 */
public final class HorizonTopology {

    /** The Kafka Streams application id; also the prefix of its internal topics. */
    public static final String APPLICATION_ID = "horizon-streams";
    /** The stream threads' record cache for state stores, shared among them. */
    static final long STORE_CACHE_BYTES = 64L * 1024 * 1024;

    private HorizonTopology() {
    }

    /**
     * Every step: normalise, extract indicators, detect and forecast. Normalising and extracting are one
     * sub-topology: a report goes to {@code horizon.reports.v1} (for the indexer and downstream) and on to
     * its observations in the same processor chain and transaction, so the report is never read back and
     * parsed again. The normaliser is the only writer of the reports topic, so every report on it is
     * extracted exactly once, each new version of a report included.
     */
    public static Topology build(ItemFormats formats, ScoringModel model) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Report> reports = NormaliseTopology.addTo(builder, formats, model.places());
        return scoring(builder, reports, model, formats.markings().undetermined());
    }

    /**
     * Extract, detect and forecast, fed from reports already on {@code horizon.reports.v1}: for replaying
     * reports (the back-test, scoring tests) through the very same steps. Never run beside {@link #build},
     * which extracts those reports itself: they would be extracted twice.
     */
    public static Topology fromReports(ScoringModel model) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Report> reports = builder.stream(Topics.REPORTS,
                Consumed.with(Serdes.String(), JsonSerde.of(Report.class)).withName("reports-in"));
        // a replay's table topics hold only what the replay writes; a stray record is marked as the built-in
        // vocabulary's undetermined marking
        return scoring(builder, reports, model, Markings.standard().undetermined());
    }

    /**
     * The steps from reports on: extraction onto the observations topic, then detection and forecasting from it.
     * {@code unreadable} marks the dead letter of a record on a table topic that is no row of it.
     */
    private static Topology scoring(StreamsBuilder builder, KStream<String, Report> reports, ScoringModel model,
                                    Marking unreadable) {
        ExtractTopology.addTo(reports, model.extractor());
        KStream<String, Observed> observations = builder.stream(Topics.OBSERVATIONS,
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("observations-in"))
                .processValues(Observed.Reader::new, Named.as("read-observations"));
        DetectTopology.addTo(builder, observations, model.scorer(), model.settings(), model.phaseClassifier());
        ForecastTopology.addTo(builder, observations, model.forecastIssuer(), model.borders(),
                model.settings().historicalAfterDays(), unreadable);
        return builder.build();
    }

    /**
     * Settings for running it: exactly-once (v2), state under {@code stateDir} (never /tmp, which a
     * machine may clean under a running app), and internal topics with the cluster's replication. The
     * record cache is {@value #STORE_CACHE_BYTES} bytes, not Kafka's 10 MB: the detector reads day cells,
     * stories and checkpoints across a country's whole history, and with the smaller cache full of them
     * every write evicted a dirty entry, which flushes all of its store's dirty entries to the changelog
     * in mid-commit (6% of the stream thread in a load run; {@code BENCHMARKS.md}, "the detector's state").
     */
    public static Properties settings(String bootstrapServers, Path stateDir, int threads, int replicationFactor) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, STORE_CACHE_BYTES);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        return props;
    }
}

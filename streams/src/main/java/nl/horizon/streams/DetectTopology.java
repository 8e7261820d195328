package nl.horizon.streams;

import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Signal;
import nl.horizon.schema.Topics;
import nl.horizon.streams.scoring.DayScorer;
import nl.horizon.streams.scoring.ScoringSettings;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Observations (keyed by country, stamped with event time, with the upstreams' clock ticks in between) to
 * {@code horizon.country-risk.v1} and
 * {@code horizon.signals.v1}, both keyed {@code <country>:<classification tier>}. Country state lives
 * in RocksDB with a changelog, so it survives restarts and moves with its partition.
 */
public final class DetectTopology {

    private DetectTopology() {
    }

    /**
     * @param upstreams partitions of {@code horizon.reports.v1}: a day is scored once all have passed it
     */
    public static void addTo(StreamsBuilder builder, DayScorer scorer, ScoringSettings settings, int upstreams) {
        TierStore.builders().forEach(builder::addStateStore);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Detector.CLOCK_STORE),
                Serdes.String(), Serdes.Long()));
        builder.stream(Topics.OBSERVATIONS, Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("observations-in"))
                .process(() -> new Detector(scorer, settings, upstreams), Named.as("detect"), TierStore.STANDING,
                        TierStore.DAYS, TierStore.STORIES, TierStore.OFFSETS, Detector.CLOCK_STORE)
                .split(Named.as("scored-"))
                .branch((key, value) -> value instanceof Scored.Risk, Branched.withConsumer(risks -> risks
                        .mapValues(value -> ((Scored.Risk) value).risk(), Named.as("risk-values"))
                        .to(Topics.COUNTRY_RISK, Produced.with(Serdes.String(), JsonSerde.of(CountryRisk.class))
                                .withName("country-risk-out")), "risk"))
                .defaultBranch(Branched.withConsumer(signals -> signals
                        .mapValues(value -> ((Scored.Raised) value).signal(), Named.as("signal-values"))
                        .to(Topics.SIGNALS, Produced.with(Serdes.String(), JsonSerde.of(Signal.class))
                                .withName("signals-out")), "signal"));
    }
}

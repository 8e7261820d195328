package nl.horizon.streams;

import nl.horizon.schema.CountryPhase;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Signal;
import nl.horizon.schema.Topics;
import nl.horizon.streams.scoring.DayScorer;
import nl.horizon.streams.scoring.PhaseClassifier;
import nl.horizon.streams.scoring.ScoringSettings;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Observations (keyed by country, carrying their event time, with the extract tasks' clock ticks in
 * between) to {@code horizon.country-risk.v1} (keyed {@code <country>:<tier>:<day>}) and
 * {@code horizon.signals.v1} (keyed by signal id), and the AIV/CAVV phases to {@code horizon.phases.v1} (keyed
 * {@code <country>:<tier>:<day>}). Country state lives in RocksDB with changelogs, so it
 * survives restarts and moves with its partition.
 */
public final class DetectTopology {

    private DetectTopology() {
    }

    public static void addTo(StreamsBuilder builder, KStream<String, Observed> observations, DayScorer scorer,
                             ScoringSettings settings, PhaseClassifier phases) {
        TierStore.builders().forEach(builder::addStateStore);
        builder.addStateStore(Publications.builder());
        builder.addStateStore(PhasePublications.builder());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Detector.CLOCK_STORE),
                Serdes.String(), Serdes.Long()));
        String[] stores = java.util.stream.Stream.concat(java.util.Arrays.stream(TierStore.names()),
                java.util.stream.Stream.of(Publications.STORE, PhasePublications.STORE, Detector.CLOCK_STORE)).toArray(String[]::new);
        observations.process(() -> new Detector(scorer, settings, phases), Named.as("detect"), stores)
                .split(Named.as("scored-"))
                .branch((key, value) -> value instanceof Scored.Risk, Branched.withConsumer(risks -> risks
                        .mapValues(value -> ((Scored.Risk) value).risk(), Named.as("risk-values"))
                        .to(Topics.COUNTRY_RISK, Produced.with(Serdes.String(), JsonSerde.of(CountryRisk.class))
                                .withName("country-risk-out")), "risk"))
                .branch((key, value) -> value instanceof Scored.Phase, Branched.withConsumer(points -> points
                        .mapValues(value -> ((Scored.Phase) value).phase(), Named.as("phase-values"))
                        .to(Topics.PHASES, Produced.with(Serdes.String(), JsonSerde.of(CountryPhase.class))
                                .withName("phases-out")), "phase"))
                .defaultBranch(Branched.withConsumer(signals -> signals
                        .mapValues(value -> ((Scored.Raised) value).signal(), Named.as("signal-values"))
                        .to(Topics.SIGNALS, Produced.with(Serdes.String(), JsonSerde.of(Signal.class))
                                .withName("signals-out")), "signal"));
    }
}

package nl.horizon.streams;

import nl.horizon.schema.ClockTick;
import nl.horizon.schema.CoupAttempt;
import nl.horizon.schema.Forecast;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Marking;
import nl.horizon.schema.Observation;
import nl.horizon.schema.Signal;
import nl.horizon.schema.StructuralValue;
import nl.horizon.schema.Topics;
import nl.horizon.streams.forecast.ForecastInputs;
import nl.horizon.streams.forecast.ForecastIssuer;
import nl.horizon.streams.forecast.LandBorders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;

import java.util.function.Function;

/**
 * Fatality observations and clock ticks (from {@code horizon.observations.v1}), structural values
 * ({@code horizon.structural.v1}) and coup attempts ({@code horizon.coups.v1}) to
 * {@code horizon.forecasts.v1} (keyed {@code <country>:<tier>:<month>}) and forecast warnings on
 * {@code horizon.signals.v1}. Every input goes through one internal topic of one
 * partition to one {@link Forecaster}: a forecast reads its neighbours' fatalities, so all countries must
 * be in one place; the input is small (one record per fatality event, tick, table value and coup). A record
 * of a table topic that is no row of it goes to {@code horizon.dlq.v1} with the reason.
 */
public final class ForecastTopology {

    /** Where a record of a table topic that is no row of it is rejected: its dead letter's and metric's stage. */
    public static final String REJECTION_STAGE = "forecast";
    /** The key of every forecast input on the internal topic: one partition holds them all. */
    static final String ALL = "all";

    private ForecastTopology() {
    }

    public static void addTo(StreamsBuilder builder, KStream<String, Observed> observations, ForecastIssuer issuer,
                             LandBorders borders, int historicalAfterDays, Marking unreadable) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Forecaster.INPUT_STORE),
                Serdes.String(), Serdes.String()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Forecaster.CLOCK_STORE),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Forecaster.PUBLISHED_STORE),
                Serdes.String(), Serdes.String()).withCachingEnabled());
        KStream<String, ForecastInput> fatalities = observations.process(FatalitiesAndTicks::new,
                Named.as("forecast-fatalities"));
        KStream<String, ForecastInput> structural = table(builder, Topics.STRUCTURAL, "structural",
                JsonSerde.of(StructuralValue.class), value -> new ForecastInput(null, null, value, null), unreadable);
        KStream<String, ForecastInput> coups = table(builder, Topics.COUPS, "coups",
                JsonSerde.of(CoupAttempt.class), value -> new ForecastInput(null, null, null, value), unreadable);
        fatalities.merge(structural, Named.as("forecast-inputs-merged"))
                .merge(coups, Named.as("forecast-coups-merged"))
                .repartition(Repartitioned.<String, ForecastInput>as("forecast-input")
                        .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(ForecastInput.class))
                        .withNumberOfPartitions(1))
                .process(() -> new Forecaster(issuer, borders, historicalAfterDays), Named.as("forecast"),
                        Forecaster.INPUT_STORE, Forecaster.CLOCK_STORE, Forecaster.PUBLISHED_STORE)
                .split(Named.as("forecasted-"))
                .branch((key, value) -> value instanceof Forecast, Branched.withConsumer(forecasts -> forecasts
                        .mapValues(value -> (Forecast) value, Named.as("forecast-values"))
                        .to(Topics.FORECASTS, Produced.with(Serdes.String(), JsonSerde.of(Forecast.class))
                                .withName("forecasts-out")), "forecast"))
                .defaultBranch(Branched.withConsumer(signals -> signals
                        .mapValues(value -> (Signal) value, Named.as("forecast-warning-values"))
                        .to(Topics.SIGNALS, Produced.with(Serdes.String(), JsonSerde.of(Signal.class))
                                .withName("forecast-warnings-out")), "warning"));
    }

    /**
     * A table topic's rows as forecast inputs under the one key; a record that is no row of the table goes to
     * the dead-letter topic ({@link TableRecord.Reader}).
     */
    private static <T> KStream<String, ForecastInput> table(StreamsBuilder builder, String topic, String name,
                                                           JsonSerde<T> values, Function<T, ForecastInput> toInput,
                                                           Marking unreadable) {
        var read = builder.stream(topic, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(name + "-in"))
                .processValues(() -> new TableRecord.Reader<>(topic, values, toInput, unreadable),
                        Named.as("read-" + name))
                .split(Named.as(name + "-"))
                .branch((key, value) -> value instanceof TableRecord.Row, Branched.as("rows"))
                .defaultBranch(Branched.as("unreadable"));
        DeadLetterSink.send(read.get(name + "-unreadable"), value -> ((TableRecord.Unreadable) value).deadLetter(),
                name + "-dead-letters");
        return read.get(name + "-rows")
                .map((key, value) -> KeyValue.pair(ALL, ((TableRecord.Row) value).input()),
                        Named.as("forecast-" + name));
    }

    /** Keeps the fatality observations and the clock ticks, all under one key. */
    private static final class FatalitiesAndTicks implements Processor<String, Observed, String, ForecastInput> {
        private ProcessorContext<String, ForecastInput> context;

        @Override
        public void init(ProcessorContext<String, ForecastInput> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, Observed> record) {
            ForecastInput input = switch (record.value()) {
                case Observed.Tick(ClockTick tick) -> new ForecastInput(null, tick, null, null);
                case Observed.Seen(Observation o) -> o.indicator().equals(ForecastInputs.FATALITIES)
                        ? new ForecastInput(o, null, null, null) : null;
            };
            if (input != null) {
                context.forward(record.withKey(ALL).withValue(input));
            }
        }
    }
}

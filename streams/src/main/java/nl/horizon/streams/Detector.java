package nl.horizon.streams;

import io.micrometer.core.instrument.Metrics;
import nl.horizon.schema.Classification;
import nl.horizon.schema.ClockTick;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Observation;
import nl.horizon.schema.Topics;
import nl.horizon.streams.scoring.DayScorer;
import nl.horizon.streams.scoring.ScoringSettings;
import nl.horizon.streams.scoring.TierRescorer;
import nl.horizon.streams.scoring.TierState;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Takes observations into each country's tiers and scores every tier up to its own event-time horizon.
 *
 * <p><b>Time.</b> Each classification tier has its own clock: the latest event day of all input it may
 * see (observations, and the clock ticks that extract tasks send to every partition, so that input
 * carried by other partitions counts too). A tier is scored through its clock less
 * {@code day.grace.days}. The clock is a maximum, so it is the same whatever order input came in, and a
 * tier's clock never moves for input it may not see: a secret report moves neither the public tier's
 * days nor its timing.
 *
 * <p><b>Late input.</b> An observation for any past day, however old, enters its day's cell and marks the
 * tier to be scored again from that day; {@link TierRescorer} does so from the checkpoint before it, and
 * {@link Publications} sends out what changed as revisions, withdrawals and tombstones. Re-scoring runs
 * every {@value #FLUSH_MS} ms of wall-clock time, for every tier with pending days, so a burst of history
 * costs one re-score rather than one per observation. The wall clock decides only when results go out,
 * never what they are: the results are a function of the set of observations each tier has seen.
 */
final class Detector implements Processor<String, byte[], String, Scored> {

    static final String CLOCK_STORE = "scoring-clock";
    /** How often pending re-scores run, in wall-clock milliseconds. */
    static final long FLUSH_MS = 200;
    private static final long DAY_MS = 86_400_000L;
    /** Wall clock, for measurement only: scoring never reads it. */
    private static final io.micrometer.core.instrument.Timer SIGNAL_LATENCY = io.micrometer.core.instrument.Timer
            .builder("horizon.latency.signal")
            .description("from reading the earliest report waiting to be scored to the signals its re-score raised")
            .publishPercentiles(0.5, 0.95, 0.99).register(Metrics.globalRegistry);

    private final TierRescorer rescorer;
    private final ScoringSettings settings;
    private ProcessorContext<String, Scored> context;
    private TierStore tiers;
    private Publications publications;
    private KeyValueStore<String, Long> clockStore;
    /** classification → latest event day of input of exactly that classification. */
    private final EnumMap<Classification, Long> clock = new EnumMap<>(Classification.class);
    /** When the earliest report waiting to be scored was read (wall clock), -1 when none waits. */
    private long waitingSince = -1;

    Detector(DayScorer scorer, ScoringSettings settings) {
        this.rescorer = new TierRescorer(scorer);
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Scored> context) {
        this.context = context;
        this.tiers = new TierStore(context, settings.evidenceMax());
        this.publications = new Publications(context, settings.historicalAfterDays());
        this.clockStore = context.getStateStore(CLOCK_STORE);
        for (Classification c : Classification.values()) {
            Long day = clockStore.get(c.label());
            if (day != null) {
                clock.put(c, day);
            }
        }
        context.schedule(Duration.ofMillis(FLUSH_MS), PunctuationType.WALL_CLOCK_TIME, this::flush);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (ExtractTopology.isTick(record.headers())) {
            ClockTick tick = JsonSerde.of(ClockTick.class).deserialize(Topics.OBSERVATIONS, record.value());
            advance(tick.classification(), Math.floorDiv(tick.eventTime().toEpochMilli(), DAY_MS));
        } else {
            Observation o = JsonSerde.of(Observation.class).deserialize(Topics.OBSERVATIONS, record.value());
            long day = Math.floorDiv(o.eventTime().toEpochMilli(), DAY_MS);
            if (!tiers.take(o, day)) {
                Metrics.counter("horizon.scoring.duplicates").increment();
            }
            advance(o.classification(), day);
        }
        long receivedAt = ExtractTopology.receivedAt(record.headers());
        if (receivedAt >= 0 && (waitingSince < 0 || receivedAt < waitingSince)) {
            waitingSince = receivedAt;
        }
    }

    private void advance(Classification classification, long day) {
        Long before = clock.get(classification);
        if (before == null || day > before) {
            clock.put(classification, day);
            clockStore.put(classification.label(), day);
        }
    }

    /** The latest event day of input that {@code tier} may see, {@link Long#MIN_VALUE} when none. */
    private long clockDay(Classification tier) {
        long day = Long.MIN_VALUE;
        for (Map.Entry<Classification, Long> c : clock.entrySet()) {
            if (c.getKey().visibleTo(tier)) {
                day = Math.max(day, c.getValue());
            }
        }
        return day;
    }

    /** Re-scores every tier with pending days and publishes what changed. */
    private void flush(long wallClock) {
        boolean raised = false;
        for (Map.Entry<String, TreeMap<Classification, TierState>> country : tiers.countries()) {
            for (Map.Entry<Classification, TierState> tier : country.getValue().entrySet()) {
                long clockDay = clockDay(tier.getKey());
                if (clockDay == Long.MIN_VALUE) {
                    continue;
                }
                var rescored = rescorer.rescore(country.getKey(), tier.getKey(), tier.getValue(),
                        clockDay - settings.graceDays());
                if (rescored.isEmpty()) {
                    continue;
                }
                tiers.rescored(country.getKey(), tier.getKey(), tier.getValue(), rescored.get());
                for (Scored scored : publications.reconcile(country.getKey(), tier.getKey(), rescored.get(), clockDay)) {
                    String key = scored instanceof Scored.Risk risk ? risk.key() : ((Scored.Raised) scored).signal().id();
                    context.forward(new Record<>(key, scored, wallClock));
                    raised |= scored instanceof Scored.Raised;
                }
            }
        }
        if (raised && waitingSince >= 0) {
            SIGNAL_LATENCY.record(System.currentTimeMillis() - waitingSince, TimeUnit.MILLISECONDS);
        }
        waitingSince = -1;
    }
}

package nl.horizon.streams;

import io.micrometer.core.instrument.Metrics;
import nl.horizon.schema.Classification;
import nl.horizon.schema.ClockTick;
import nl.horizon.schema.Observation;
import nl.horizon.streams.scoring.DayScorer;
import nl.horizon.streams.scoring.PhaseClassifier;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Takes observations into each country's tiers and scores every tier up to its own event-time horizon.
 *
 * <p><b>Time.</b> Each classification tier has its own clock ({@link TierClocks}): the span of event days
 * of all input it may see (observations, and the clock ticks that extract tasks send to every partition,
 * so that input carried by other partitions counts too). A tier is scored through its latest day less
 * {@code day.grace.days}, and its history (the warm-up, the baseline a country has had) begins at its
 * earliest day. Both are extremes, the same whatever order input came in, and a tier's clock never moves
 * for input it may not see: a secret report moves neither the public tier's days nor its timing.
 *
 * <p><b>Late input.</b> An observation for any past day, however old, enters its day's cell and marks the
 * tier to be scored again from that day; {@link TierRescorer} does so from the checkpoint before it, and
 * {@link Publications} sends out what changed as revisions, withdrawals and tombstones. Re-scoring runs
 * every {@value #FLUSH_MS} ms of wall-clock time (less often while re-scores are long, so that they take no
 * more than a fiftieth of the stream thread), for every tier with pending days, so a burst of history costs
 * one re-score rather than one per observation. One punctuation re-scores countries for at most
 * {@value #SLICE_MS} ms and leaves the rest to the next, which resumes after the last country done: the
 * stream thread also normalises every report, and a re-score of every country at once held reports back
 * from the index for a second or more. The wall clock decides only when results go out,
 * never what they are: the results are a function of the set of observations each tier has seen.
 */
final class Detector implements Processor<String, Observed, String, Scored> {

    static final String CLOCK_STORE = "scoring-clock";
    /** How often pending re-scores run at most, in wall-clock milliseconds. */
    private static final long FLUSH_MS = 200;
    /** How long one punctuation re-scores at most before it leaves the remaining countries to the next. */
    private static final long SLICE_MS = 50;
    /**
     * After a tier's re-score took {@code t}, its next waits at least this many times {@code t}: re-scoring
     * shares the stream thread with normalising and extracting, and the revisions it publishes cost the
     * broker and the indexer about twice as much again, so under a flood of late input it may take no more
     * than a fiftieth of the thread. More input then joins each re-score; results stay the same. Each tier
     * rests by its own cost only, so classified input never delays what the public tier publishes.
     */
    private static final int REST_FACTOR = 49;
    private static final long DAY_MS = 86_400_000L;
    /** Wall clock, for measurement only: scoring never reads it. */
    private static final io.micrometer.core.instrument.Timer SIGNAL_LATENCY = io.micrometer.core.instrument.Timer
            .builder("horizon.latency.signal")
            .description("from reading the earliest report waiting to be scored to the signals its re-score raised")
            .publishPercentiles(0.5, 0.95, 0.99).register(Metrics.globalRegistry);

    private final TierRescorer rescorer;
    private final ScoringSettings settings;
    private final PhaseClassifier phaseClassifier;
    private PhasePublications phases;
    private ProcessorContext<String, Scored> context;
    private TierStore tiers;
    private Publications publications;
    private TierClocks clocks;
    /** The last country the previous punctuation re-scored when it ran out of time, else null. */
    private String resumeAfter;
    /** When the earliest report waiting to be scored was read (wall clock), -1 when none waits. */
    private long waitingSince = -1;
    /** tier → wall-clock time (ms) before which it is not re-scored. */
    private final EnumMap<Classification, Long> restUntil = new EnumMap<>(Classification.class);

    Detector(DayScorer scorer, ScoringSettings settings, PhaseClassifier phaseClassifier) {
        this.rescorer = new TierRescorer(scorer);
        this.settings = settings;
        this.phaseClassifier = phaseClassifier;
    }

    @Override
    public void init(ProcessorContext<String, Scored> context) {
        this.context = context;
        this.tiers = new TierStore(context, settings.evidenceMax());
        this.publications = new Publications(context, settings.historicalAfterDays());
        this.phases = new PhasePublications(context, phaseClassifier, settings.historicalAfterDays());
        this.clocks = new TierClocks(context.getStateStore(CLOCK_STORE));
        context.schedule(Duration.ofMillis(FLUSH_MS), PunctuationType.WALL_CLOCK_TIME, this::flush);
    }

    @Override
    public void process(Record<String, Observed> record) {
        switch (record.value()) {
            case Observed.Tick(ClockTick tick) ->
                    widen(tick.classification(), dayOf(tick.earliest()), dayOf(tick.latest()));
            case Observed.Seen(Observation o) -> {
                long day = dayOf(o.eventTime());
                if (!tiers.take(o, day)) {
                    Metrics.counter("horizon.scoring.duplicates").increment();
                }
                widen(o.classification(), day, day);
            }
        }
        ScoringBacklog.waiting(this, true);
        long receivedAt = ExtractTopology.receivedAt(record.headers());
        if (receivedAt >= 0 && (waitingSince < 0 || receivedAt < waitingSince)) {
            waitingSince = receivedAt;
        }
    }

    /** Widens a classification's span; tiers whose history now begins earlier are scored again from the start. */
    private void widen(Classification classification, long firstDay, long lastDay) {
        Set<Classification> earlier = clocks.widen(classification, firstDay, lastDay);
        if (!earlier.isEmpty()) {
            tiers.historyBeginsEarlier(earlier);
        }
    }

    private static long dayOf(java.time.Instant time) {
        return Math.floorDiv(time.toEpochMilli(), DAY_MS);
    }

    /**
     * Re-scores every tier with pending days and publishes what changed, for at most {@value #SLICE_MS} ms;
     * the countries not reached are the next punctuation's. What goes out carries {@link PublishTime}, not the
     * punctuation's wall clock: how many slices a re-score takes depends on the machine.
     */
    private void flush(long wallClock) {
        long sliceEnd = System.nanoTime() + SLICE_MS * 1_000_000;
        long published = PublishTime.of(context);
        boolean raised = false;
        boolean resting = false;
        boolean sliced = false;
        EnumMap<Classification, Long> took = new EnumMap<>(Classification.class);
        for (Map.Entry<String, TreeMap<Classification, TierState>> country : tiers.countriesAfter(resumeAfter)) {
            if (System.nanoTime() > sliceEnd) {
                sliced = true;
                break;
            }
            resumeAfter = country.getKey();
            for (Map.Entry<Classification, TierState> tier : country.getValue().entrySet()) {
                long clockDay = clocks.latestDay(tier.getKey());
                if (clockDay == Long.MIN_VALUE) {
                    continue;
                }
                if (wallClock < restUntil.getOrDefault(tier.getKey(), 0L)) {
                    resting = true;
                    continue;
                }
                long started = System.nanoTime();
                var rescored = rescorer.rescore(country.getKey(), tier.getKey(), tier.getValue(),
                        clocks.historyStart(tier.getKey()), clockDay - settings.graceDays());
                if (rescored.isEmpty()) {
                    continue;
                }
                tiers.rescored(country.getKey(), tier.getKey(), tier.getValue(), rescored.get());
                for (Scored scored : publications.reconcile(country.getKey(), tier.getKey(), rescored.get(), clockDay)) {
                    context.forward(new Record<>(scored.key(), scored, published));
                    raised |= scored instanceof Scored.Raised;
                }
                for (Scored phase : phases.reconcile(country.getKey(), tier.getKey(), tier.getValue(), rescored.get(), clockDay)) {
                    context.forward(new Record<>(phase.key(), phase, published));
                }
                took.merge(tier.getKey(), System.nanoTime() - started, Long::sum);
            }
        }
        took.forEach((tier, nanos) -> restUntil.put(tier, wallClock + REST_FACTOR * nanos / 1_000_000));
        if (raised && waitingSince >= 0) {
            SIGNAL_LATENCY.record(System.currentTimeMillis() - waitingSince, TimeUnit.MILLISECONDS);
        }
        if (!sliced) {
            waitingSince = -1;
        }
        ScoringBacklog.waiting(this, resting || sliced);
    }

    @Override
    public void close() {
        ScoringBacklog.waiting(this, false);
    }
}

package nl.horizon.streams;

import io.micrometer.core.instrument.Metrics;
import nl.horizon.schema.Classification;
import nl.horizon.schema.ClockTick;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Observation;
import nl.horizon.schema.Topics;
import nl.horizon.streams.scoring.DayScorer;
import nl.horizon.streams.scoring.ScoringSettings;
import nl.horizon.streams.scoring.TierState;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.TreeMap;

/**
 * Takes observations into each country's state and closes days on event time. Every upstream partition
 * of the reports topic reports how far in event time it has got (its observations and its clock ticks,
 * in order in the same partition); the
 * watermark is the least of them, so a day is closed only once every upstream has passed its end by the
 * grace period, however the upstream partitions interleave. Then every country of the task is scored
 * for the day, including countries with nothing that day, so quiet days count as the zeros they are.
 * Upstream progress and the last closed day are kept in a state store, so a restart or a replay closes
 * exactly the same days. An observation for a day already closed still enters the history (it shapes
 * later baselines) but does not re-score that day; it is counted as late. The countries' state is kept
 * by a {@link TierStore}.
 */
final class Detector implements Processor<String, byte[], String, Scored> {

    static final String CLOCK_STORE = "scoring-clock";
    private static final String CLOSED = "closed-through-day";
    /** Stories counted before this day are forgotten; absent until a day is closed. */
    private static final String STORIES_FROM = "stories-from-day";
    /** Forgotten stories are deleted from their store once a week of event time. */
    private static final long SWEEP_DAYS = 7;
    private static final String UPSTREAM = "upstream-";
    private static final long DAY_MS = 86_400_000L;
    private static final Logger LOG = LoggerFactory.getLogger(Detector.class);
    /** Wall clock, for measurement only: scoring never reads it. */
    private static final io.micrometer.core.instrument.Timer SIGNAL_LATENCY = io.micrometer.core.instrument.Timer
            .builder("horizon.latency.signal")
            .description("from reading the report that completed a day to the signal raised for that day")
            .publishPercentiles(0.5, 0.95, 0.99).register(Metrics.globalRegistry);

    private final DayScorer scorer;
    private final ScoringSettings settings;
    private final int upstreams;
    private ProcessorContext<String, Scored> context;
    private TierStore tiers;
    private KeyValueStore<String, Long> clock;

    /**
     * @param upstreams how many partitions the reports topic has: the watermark waits for all of them
     */
    Detector(DayScorer scorer, ScoringSettings settings, int upstreams) {
        this.scorer = scorer;
        this.settings = settings;
        this.upstreams = upstreams;
    }

    @Override
    public void init(ProcessorContext<String, Scored> context) {
        this.context = context;
        this.tiers = new TierStore(context, settings.evidenceMax());
        this.clock = context.getStateStore(CLOCK_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (ExtractTopology.isTick(record.headers())) {
            ClockTick tick = JsonSerde.of(ClockTick.class).deserialize(Topics.OBSERVATIONS, record.value());
            advance(tick.upstream(), tick.streamTime().toEpochMilli());
        } else {
            Observation o = JsonSerde.of(Observation.class).deserialize(Topics.OBSERVATIONS, record.value());
            take(o);
            advance(ExtractTopology.upstreamOf(record.headers()), o.eventTime().toEpochMilli());
        }
        closeUpToWatermark(ExtractTopology.receivedAt(record.headers()));
    }

    private void take(Observation o) {
        long day = Math.floorDiv(o.eventTime().toEpochMilli(), DAY_MS);
        Long closed = clock.get(CLOSED);
        if (closed == null) {
            clock.put(CLOSED, day - 1);
        } else if (day <= closed) {
            Metrics.counter("horizon.scoring.late").increment();
            LOG.debug("late observation for {} on day {} (closed through {})", o.country(), day, closed);
        }
        String input = context.recordMetadata().map(m -> m.topic() + "-" + m.partition()).orElse(null);
        long offset = context.recordMetadata().map(m -> m.offset()).orElse(-1L);
        Long storiesFrom = clock.get(STORIES_FROM);
        if (!tiers.take(o, day, input, offset, storiesFrom == null ? Long.MIN_VALUE : storiesFrom)) {
            Metrics.counter("horizon.scoring.duplicates").increment();
        }
    }

    private void advance(int upstream, long eventTimeMs) {
        String key = UPSTREAM + upstream;
        Long before = clock.get(key);
        if (before == null || eventTimeMs > before) {
            clock.put(key, eventTimeMs);
        }
    }

    /** Closes every day that all upstreams have passed by the grace period. */
    private void closeUpToWatermark(long receivedAt) {
        Long closed = clock.get(CLOSED);
        if (closed == null) {
            return;
        }
        long watermark = Long.MAX_VALUE;
        for (int u = 0; u < upstreams; u++) {
            Long progress = clock.get(UPSTREAM + u);
            if (progress == null) {
                return;
            }
            watermark = Math.min(watermark, progress);
        }
        long through = Math.floorDiv(watermark, DAY_MS) - settings.graceDays() - 1;
        if (through > closed) {
            closeDays(closed + 1, through, receivedAt);
            clock.put(CLOSED, through);
        }
    }

    private void closeDays(long from, long through, long receivedAt) {
        for (Map.Entry<String, TreeMap<Classification, TierState>> country : tiers.countries()) {
            for (long day = from; day <= through; day++) {
                long timestamp = (day + 1) * DAY_MS - 1;
                for (Map.Entry<Classification, TierState> tier : country.getValue().entrySet()) {
                    DayScorer.Outcome outcome = scorer.close(country.getKey(), tier.getKey(), tier.getValue(), day);
                    String key = country.getKey() + ":" + tier.getKey().label();
                    outcome.risk().ifPresent(r -> context.forward(new Record<>(key, new Scored.Risk(r), timestamp)));
                    outcome.signal().ifPresent(s -> {
                        context.forward(new Record<>(key, new Scored.Raised(s), timestamp));
                        if (receivedAt >= 0) {
                            SIGNAL_LATENCY.record(System.currentTimeMillis() - receivedAt,
                                    java.util.concurrent.TimeUnit.MILLISECONDS);
                        }
                    });
                }
            }
            tiers.closed(country.getKey(), settings.historyFrom(through));
        }
        long storiesFrom = settings.storiesFrom(through);
        clock.put(STORIES_FROM, storiesFrom);
        if (Math.floorDiv(through, SWEEP_DAYS) != Math.floorDiv(from - 1, SWEEP_DAYS)) {
            tiers.forgetStories(storiesFrom);
        }
    }
}

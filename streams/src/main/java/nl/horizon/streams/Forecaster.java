package nl.horizon.streams;

import nl.horizon.schema.Classification;
import nl.horizon.schema.CoupAttempt;
import nl.horizon.schema.Forecast;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Observation;
import nl.horizon.schema.Revision;
import nl.horizon.schema.Signal;
import nl.horizon.schema.StructuralValue;
import nl.horizon.schema.Topics;
import nl.horizon.streams.forecast.ForecastFeatures;
import nl.horizon.streams.forecast.ForecastInputs;
import nl.horizon.streams.forecast.ForecastIssuer;
import nl.horizon.streams.forecast.LandBorders;
import nl.horizon.streams.scoring.CountedStory;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Issues the onset forecast of every country in every classification tier when a month closes in event
 * time, and raises a warning when the model's rule picks it.
 *
 * <p><b>Time.</b> Each tier has its own clock ({@link TierClocks}, from the same observations and ticks the
 * detector reads). Month {@code m} is issued once the tier's latest day reaches {@code m}'s release day
 * (the back-test's {@link nl.horizon.streams.forecast.ReleaseCalendar}); its history begins at the tier's
 * earliest day, and the first forecast is issued after twelve months of it. A forecast reads only what
 * was dated before its release day ({@link ForecastFeatures}).
 *
 * <p><b>Late input.</b> A fatality, a structural value or a coup attempt for any past month marks its
 * tier(s) to be issued again from that month (the first coup attempt ever taken: every month, as the coup
 * features were missing until then); every {@value #FLUSH_MS} ms of wall-clock time (less often while
 * issuing takes long) the marked tiers are issued again and only forecasts whose content changed are published, under the
 * same key with the next revision.
 * Warnings follow the rule ({@link nl.horizon.streams.forecast.ForecastModel.AlertRule}) over the country's
 * forecasts; one that no longer holds is withdrawn. So the latest record per key depends only on the set
 * of input each tier may see. All countries are in one task: neighbours' fatalities are features.
 */
final class Forecaster implements Processor<String, ForecastInput, String, Object> {

    static final String INPUT_STORE = "forecast-inputs";
    static final String CLOCK_STORE = "forecast-clock";
    static final String PUBLISHED_STORE = "forecast-published";
    private static final long FLUSH_MS = 200;
    /**
     * After issuing took {@code t}, the next waits at least this many times {@code t}, as the detector's
     * re-scores do: a table dropped value by value marks every month again, and recomputing them all for
     * each poll would take the stream thread from normalising and scoring. Results stay the same.
     */
    private static final int REST_FACTOR = 49;
    private static final long DAY_MS = 86_400_000L;
    private static final YearMonth EVERYTHING = ForecastInputs.EVERY_MONTH;
    private static final JsonSerde<StructuralValue> STRUCTURAL = JsonSerde.of(StructuralValue.class);
    private static final JsonSerde<CoupAttempt> COUPS = JsonSerde.of(CoupAttempt.class);
    private static final JsonSerde<Forecast> FORECASTS = JsonSerde.of(Forecast.class);
    private static final JsonSerde<Signal> SIGNALS = JsonSerde.of(Signal.class);

    private final ForecastIssuer issuer;
    private final LandBorders borders;
    private final int historicalAfterDays;
    private ProcessorContext<String, Object> context;
    /** Wall-clock time (ms) before which nothing is issued again. */
    private long restUntil;
    private KeyValueStore<String, String> stored;
    private KeyValueStore<String, String> published;
    private TierClocks clocks;
    private ForecastInputs inputs;
    /** tier → first month to issue again; a tier absent is issued only for months newly closed. */
    private final EnumMap<Classification, YearMonth> dirtyFrom = new EnumMap<>(Classification.class);
    /** tier → the last month issued. */
    private final EnumMap<Classification, YearMonth> issuedThrough = new EnumMap<>(Classification.class);
    /** tier → country → month → the probability the warning rule judges. */
    private final EnumMap<Classification, Map<String, TreeMap<YearMonth, Double>>> judged =
            new EnumMap<>(Classification.class);
    /** tier → country → month → the forecasts at or above the rule's threshold: those a warning may cite. */
    private final EnumMap<Classification, Map<String, TreeMap<YearMonth, Forecast>>> candidates =
            new EnumMap<>(Classification.class);
    /** tier → country → month → the warning as last published (store keys {@code W|<tier>|<country>|<month>}). */
    private final EnumMap<Classification, Map<String, TreeMap<YearMonth, Signal>>> warnings =
            new EnumMap<>(Classification.class);

    Forecaster(ForecastIssuer issuer, LandBorders borders, int historicalAfterDays) {
        this.issuer = issuer;
        this.borders = borders;
        this.historicalAfterDays = historicalAfterDays;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.stored = context.getStateStore(INPUT_STORE);
        this.published = context.getStateStore(PUBLISHED_STORE);
        this.clocks = new TierClocks(context.getStateStore(CLOCK_STORE));
        this.inputs = new ForecastInputs(borders);
        try (KeyValueIterator<String, String> all = stored.all()) {
            all.forEachRemaining(kv -> {
                if (kv.key.startsWith("D|")) {
                    String[] key = kv.key.split("\\|", 4);
                    inputs.take(key[1], key[3], Classification.parse(key[2]), CountedStory.parse(kv.value));
                } else if (kv.key.startsWith("C|")) {
                    inputs.take(COUPS.deserialize(Forecaster.INPUT_STORE, kv.value.getBytes(StandardCharsets.UTF_8)));
                } else {
                    inputs.take(STRUCTURAL.deserialize(Forecaster.INPUT_STORE, kv.value.getBytes(
                            StandardCharsets.UTF_8)));
                }
            });
        }
        try (KeyValueIterator<String, String> all = published.prefixScan("W|", Serdes.String().serializer())) {
            all.forEachRemaining(kv -> {
                String[] key = kv.key.split("\\|", 4);
                warnings(Classification.parse(key[1]), key[2]).put(YearMonth.parse(key[3]),
                        SIGNALS.deserialize(Topics.SIGNALS, kv.value.getBytes(StandardCharsets.UTF_8)));
            });
        }
        for (Classification tier : Classification.values()) {
            dirtyFrom.put(tier, EVERYTHING);
        }
        context.schedule(Duration.ofMillis(FLUSH_MS), PunctuationType.WALL_CLOCK_TIME, this::flush);
    }

    @Override
    public void process(Record<String, ForecastInput> record) {
        ScoringBacklog.waiting(this, true);
        ForecastInput in = record.value();
        if (in.tick() != null) {
            widen(in.tick().classification(), dayOf(in.tick().earliest()), dayOf(in.tick().latest()));
        } else if (in.fatality() != null) {
            Observation o = in.fatality();
            long day = dayOf(o.eventTime());
            widen(o.classification(), day, day);
            inputs.take(o, day).ifPresent(month -> {
                stored.put("D|" + o.country() + "|" + o.classification().label() + "|" + o.story(),
                        new CountedStory(day, o.value(), o.reportId()).encode());
                for (Classification tier : Classification.values()) {
                    if (o.classification().visibleTo(tier)) {
                        dirty(tier, month);
                    }
                }
            });
        } else if (in.coup() != null) {
            CoupAttempt coup = in.coup();
            stored.put("C|" + coup.key(), new String(COUPS.serialize(Topics.COUPS, coup), StandardCharsets.UTF_8));
            YearMonth month = inputs.take(coup);
            for (Classification tier : Classification.values()) {
                dirty(tier, month);
            }
        } else {
            StructuralValue v = in.structural();
            stored.put("S|" + v.key(), new String(STRUCTURAL.serialize(Topics.STRUCTURAL, v),
                    StandardCharsets.UTF_8));
            inputs.take(v).ifPresent(month -> {
                for (Classification tier : Classification.values()) {
                    dirty(tier, month);
                }
            });
        }
    }

    private void widen(Classification classification, long firstDay, long lastDay) {
        for (Classification tier : clocks.widen(classification, firstDay, lastDay)) {
            dirty(tier, EVERYTHING);
        }
    }

    private void dirty(Classification tier, YearMonth month) {
        dirtyFrom.merge(tier, month, (a, b) -> a.isBefore(b) ? a : b);
    }

    private static long dayOf(Instant time) {
        return Math.floorDiv(time.toEpochMilli(), DAY_MS);
    }

    /**
     * Issues every tier again from its first changed month through its last closed month. Forecasts and
     * warnings carry {@link PublishTime}, not the punctuation's wall clock.
     */
    private void flush(long wallClock) {
        if (wallClock < restUntil) {
            return;
        }
        long started = System.nanoTime();
        issue();
        restUntil = wallClock + REST_FACTOR * (System.nanoTime() - started) / 1_000_000;
        ScoringBacklog.waiting(this, false);
    }

    @Override
    public void close() {
        ScoringBacklog.waiting(this, false);
    }

    private void issue() {
        for (Classification tier : Classification.values()) {
            long latest = clocks.latestDay(tier);
            if (latest == Long.MIN_VALUE || (tier != Classification.PUBLIC && !inputs.has(tier))) {
                continue;
            }
            LocalDate today = LocalDate.ofEpochDay(latest);
            YearMonth closed = YearMonth.from(today);
            while (issuer.calendar().release(closed).isAfter(today)) {
                closed = closed.minusMonths(1);
            }
            YearMonth first = YearMonth.from(LocalDate.ofEpochDay(clocks.historyStart(tier)));
            ForecastFeatures features = new ForecastFeatures(inputs.history(tier, first), issuer.calendar());
            YearMonth from = issuedThrough.containsKey(tier) ? issuedThrough.get(tier).plusMonths(1) : EVERYTHING;
            YearMonth dirty = dirtyFrom.remove(tier);
            if (dirty != null && dirty.isBefore(from)) {
                from = dirty;
            }
            if (from.isBefore(features.firstIssuable())) {
                from = features.firstIssuable();
            }
            if (from.isAfter(closed)) {
                continue;
            }
            Map<String, TreeMap<YearMonth, Double>> byCountry = judged.computeIfAbsent(tier, t -> new HashMap<>());
            double threshold = issuer.model().alert().threshold();
            for (String country : inputs.countries(tier)) {
                TreeMap<YearMonth, Double> series = byCountry.computeIfAbsent(country, c -> new TreeMap<>());
                TreeMap<YearMonth, Forecast> above = candidates.computeIfAbsent(tier, t -> new HashMap<>())
                        .computeIfAbsent(country, c -> new TreeMap<>());
                boolean changed = false;
                for (YearMonth month = from; !month.isAfter(closed); month = month.plusMonths(1)) {
                    Forecast forecast = issuer.issue(features, country, month, tier);
                    double p = issuer.warned(forecast);
                    changed |= !Double.valueOf(p).equals(series.put(month, p));
                    if (p >= threshold) {
                        changed |= !forecast.equals(above.put(month, forecast));
                    } else {
                        above.remove(month);
                    }
                    publishForecast(forecast, latest);
                }
                if (changed) {
                    publishWarnings(tier, country, series, above, latest);
                }
            }
            issuedThrough.put(tier, closed);
        }
    }

    private void publishForecast(Forecast forecast, long latest) {
        String key = Forecast.key(forecast.country(), forecast.classification(), forecast.month());
        String before = published.get("F|" + key);
        Revision revision;
        if (before == null) {
            revision = new Revision(1, LocalDate.ofEpochDay(latest), historical(forecast.issued(), latest));
        } else {
            Forecast earlier = FORECASTS.deserialize(Topics.FORECASTS, before.getBytes(StandardCharsets.UTF_8));
            if (earlier.withRevision(null).equals(forecast)) {
                return;
            }
            revision = new Revision(earlier.revision().number() + 1, LocalDate.ofEpochDay(latest),
                    historical(forecast.issued(), latest));
        }
        Forecast out = forecast.withRevision(revision);
        published.put("F|" + key, new String(FORECASTS.serialize(Topics.FORECASTS, out),
                StandardCharsets.UTF_8));
        context.forward(new Record<>(key, out, PublishTime.of(context)));
    }

    /** Raises the warnings the rule picks from the country's forecasts, and withdraws those it no longer picks. */
    private void publishWarnings(Classification tier, String country, TreeMap<YearMonth, Double> series,
                                 TreeMap<YearMonth, Forecast> above, long latest) {
        TreeMap<YearMonth, Signal> before = warnings(tier, country);
        Map<YearMonth, Signal> out = new TreeMap<>();
        SortedSet<YearMonth> picked = issuer.model().alert().warnings(series);
        for (YearMonth month : picked) {
            Signal signal = issuer.warning(above.get(month), null);
            Signal earlier = before.get(month);
            if (earlier == null) {
                out.put(month, signal.withRevision(new Revision(1, LocalDate.ofEpochDay(latest),
                        historical(signal.day(), latest))));
            } else if (!earlier.withRevision(null).equals(signal)) {
                out.put(month, signal.withRevision(earlier.revision().next(LocalDate.ofEpochDay(latest),
                        historical(signal.day(), latest))));
            }
        }
        before.forEach((month, gone) -> {
            if (gone.standing() && !picked.contains(month)) {
                out.put(month, gone.withdrawn(gone.revision().next(LocalDate.ofEpochDay(latest),
                        historical(gone.day(), latest))));
            }
        });
        out.forEach((month, signal) -> {
            before.put(month, signal);
            published.put("W|" + tier.label() + "|" + country + "|" + month, new String(
                    SIGNALS.serialize(Topics.SIGNALS, signal), StandardCharsets.UTF_8));
            context.forward(new Record<>(signal.id(), signal, PublishTime.of(context)));
        });
    }

    private TreeMap<YearMonth, Signal> warnings(Classification tier, String country) {
        return warnings.computeIfAbsent(tier, t -> new HashMap<>()).computeIfAbsent(country, c -> new TreeMap<>());
    }

    private boolean historical(LocalDate day, long latest) {
        return day.toEpochDay() < latest - historicalAfterDays;
    }
}

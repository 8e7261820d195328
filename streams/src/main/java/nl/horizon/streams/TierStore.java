package nl.horizon.streams;

import nl.horizon.schema.Classification;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Observation;
import nl.horizon.streams.scoring.DayCell;
import nl.horizon.streams.scoring.TierStanding;
import nl.horizon.streams.scoring.TierState;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The scoring state of a task's countries: every clearance tier of every country in memory, where the
 * detector reads it, and written through to four state stores as small entries, from which it is loaded
 * again when the task starts (after a restart or a rebalance, once the stores are restored). An
 * observation so costs a few small writes, whatever the country's history; the stores have changelogs
 * and caches, so the writes that repeat a key within a commit reach the changelog once.
 *
 * <p>Keys begin {@code <country>|<tier>|}. The stores: where each tier stands ({@code scoring-standing}),
 * its day cells ({@code ...|<indicator>|<epoch day>}), the stories it has counted
 * ({@code ...|<indicator>|<story>} → {@code <epoch day>|<report id>}, read per observation and never held
 * in memory) and the offsets of the input taken in ({@code ...|<topic-partition>}).
 */
final class TierStore {

    static final String STANDING = "scoring-standing";
    static final String DAYS = "scoring-days";
    static final String STORIES = "scoring-stories";
    static final String OFFSETS = "scoring-offsets";
    private static final String SEP = "|";

    private final int evidenceMax;
    private final KeyValueStore<String, TierStanding> standings;
    private final KeyValueStore<String, DayCell> days;
    private final KeyValueStore<String, String> stories;
    private final KeyValueStore<String, Long> offsets;
    /** country → tier → state, sorted so that days close in the same order on every run. */
    private final TreeMap<String, TreeMap<Classification, TierState>> countries = new TreeMap<>();

    TierStore(ProcessorContext<?, ?> context, int evidenceMax) {
        this.evidenceMax = evidenceMax;
        this.standings = context.getStateStore(STANDING);
        this.days = context.getStateStore(DAYS);
        this.stories = context.getStateStore(STORIES);
        this.offsets = context.getStateStore(OFFSETS);
        load();
    }

    /** The stores, for the topology. */
    static List<StoreBuilder<?>> builders() {
        return List.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STANDING), Serdes.String(),
                        JsonSerde.of(TierStanding.class)).withCachingEnabled(),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DAYS), Serdes.String(),
                        JsonSerde.of(DayCell.class)).withCachingEnabled(),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORIES), Serdes.String(),
                        Serdes.String()).withCachingEnabled(),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OFFSETS), Serdes.String(),
                        Serdes.Long()).withCachingEnabled());
    }

    /** Countries with state, in order. */
    Iterable<Map.Entry<String, TreeMap<Classification, TierState>>> countries() {
        return countries.entrySet();
    }

    /**
     * Takes an observation into its own tier and every tier above it. A tier is created when its first
     * observation arrives, as a copy of the tier below it; so the public tier is computed from public
     * reports only, and a user cleared for secret sees a score that also weighs the secret ones: no
     * score shown to someone was shaped by a report they may not see.
     *
     * @param storiesFrom stories counted before this day are forgotten and count again
     * @return false when every tier had already counted the observation's story
     */
    boolean take(Observation o, long day, String input, long offset, long storiesFrom) {
        TreeMap<Classification, TierState> tiers = countries.computeIfAbsent(o.country(), c -> new TreeMap<>());
        Classification own = o.classification();
        if (!tiers.containsKey(Classification.PUBLIC)) {
            create(o.country(), Classification.PUBLIC, new TierState(new TierStanding()));
        }
        if (!tiers.containsKey(own)) {
            Classification below = tiers.lowerKey(own);
            create(o.country(), own, tiers.get(below).copy());
            copyStories(prefix(o.country(), below), prefix(o.country(), own));
        }
        boolean counted = false;
        for (Map.Entry<Classification, TierState> tier : tiers.tailMap(own, true).entrySet()) {
            counted |= take(prefix(o.country(), tier.getKey()), tier.getValue(), o, day, input, offset, storiesFrom);
        }
        return counted;
    }

    private boolean take(String prefix, TierState state, Observation o, long day, String input, long offset,
                         long storiesFrom) {
        if (input != null) {
            state.offset(input, offset);
            offsets.put(prefix + input, offset);
        }
        DayCell cell = state.cell(o.indicator(), day);
        cell.kinds.add(o.sourceKind().label());
        String storyKey = prefix + o.indicator() + SEP + o.story();
        String seen = stories.get(storyKey);
        long seenDay = seen == null ? 0 : Long.parseLong(seen.substring(0, seen.indexOf(SEP)));
        if (seen != null && seenDay >= storiesFrom) {
            String standing = seen.substring(seen.indexOf(SEP) + 1);
            if (o.reportId().compareTo(standing) < 0) {
                stories.put(storyKey, seenDay + SEP + o.reportId());
                DayCell seenCell = state.existingCell(o.indicator(), seenDay);
                if (seenCell != null && seenCell.restate(standing, o.reportId(), evidenceMax)) {
                    days.put(dayKey(prefix, o.indicator(), seenDay), seenCell);
                }
            }
            days.put(dayKey(prefix, o.indicator(), day), cell);
            return false;
        }
        stories.put(storyKey, day + SEP + o.reportId());
        if (day < state.standing().firstDay) {
            state.standing().firstDay = day;
            standings.put(prefix, state.standing());
        }
        cell.count(o.reportId(), o.value(), evidenceMax);
        days.put(dayKey(prefix, o.indicator(), day), cell);
        return true;
    }

    /** Stores where a country's tiers stand after closing days, and forgets days before {@code historyFrom}. */
    void closed(String country, long historyFrom) {
        countries.get(country).forEach((tier, state) -> {
            String prefix = prefix(country, tier);
            standings.put(prefix, state.standing());
            state.forget(historyFrom, (indicator, day) -> days.delete(dayKey(prefix, indicator, day)));
        });
    }

    /** Deletes the stories counted before {@code storiesFrom}: they count again when they come back. */
    void forgetStories(long storiesFrom) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, String> all = stories.all()) {
            all.forEachRemaining(kv -> {
                if (Long.parseLong(kv.value.substring(0, kv.value.indexOf(SEP))) < storiesFrom) {
                    old.add(kv.key);
                }
            });
        }
        old.forEach(stories::delete);
    }

    private void create(String country, Classification tier, TierState state) {
        countries.computeIfAbsent(country, c -> new TreeMap<>()).put(tier, state);
        String prefix = prefix(country, tier);
        standings.put(prefix, state.standing());
        state.forEachCell((indicator, day, cell) -> days.put(dayKey(prefix, indicator, day), cell));
        state.inputOffsets().forEach((input, offset) -> offsets.put(prefix + input, offset));
    }

    private void copyStories(String from, String to) {
        List<KeyValue<String, String>> copies = new ArrayList<>();
        try (KeyValueIterator<String, String> below = stories.prefixScan(from, Serdes.String().serializer())) {
            below.forEachRemaining(kv -> copies.add(KeyValue.pair(to + kv.key.substring(from.length()), kv.value)));
        }
        stories.putAll(copies);
    }

    /** Loads every tier of the task from the stores. */
    private void load() {
        try (KeyValueIterator<String, TierStanding> all = standings.all()) {
            all.forEachRemaining(kv -> {
                String[] key = kv.key.split("\\" + SEP, -1);
                countries.computeIfAbsent(key[0], c -> new TreeMap<>())
                        .put(Classification.parse(key[1]), new TierState(kv.value));
            });
        }
        try (KeyValueIterator<String, DayCell> all = days.all()) {
            all.forEachRemaining(kv -> {
                int last = kv.key.lastIndexOf(SEP);
                String[] key = kv.key.substring(0, last).split("\\" + SEP, 3);
                state(key).put(key[2], Long.parseLong(kv.key.substring(last + 1)), kv.value);
            });
        }
        try (KeyValueIterator<String, Long> all = offsets.all()) {
            all.forEachRemaining(kv -> {
                String[] key = kv.key.split("\\" + SEP, 3);
                state(key).offset(key[2], kv.value);
            });
        }
    }

    private TierState state(String[] key) {
        NavigableMap<Classification, TierState> tiers = countries.get(key[0]);
        TierState state = tiers == null ? null : tiers.get(Classification.parse(key[1]));
        if (state == null) {
            throw new IllegalStateException("scoring state " + String.join(SEP, key) + " has no standing");
        }
        return state;
    }

    /** The key of a day cell; {@link #load()} reads it back from the right, as the indicator may hold dots. */
    private static String dayKey(String prefix, String indicator, long day) {
        return prefix + indicator + SEP + day;
    }

    private static String prefix(String country, Classification tier) {
        return country + SEP + tier.label() + SEP;
    }
}

package nl.horizon.streams;

import nl.horizon.schema.Classification;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Observation;
import nl.horizon.streams.scoring.CountedStory;
import nl.horizon.streams.scoring.DayCell;
import nl.horizon.streams.scoring.DayCellSerde;
import nl.horizon.streams.scoring.TierRescorer;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The scoring state of a task's countries: every clearance tier of every country in memory, where the
 * detector reads it, and written through to four state stores as small entries, from which it is loaded
 * again when the task starts (after a restart or a rebalance, once the stores are restored). An
 * observation so costs a few small writes, whatever the country's history; the stores have changelogs
 * and caches, so the writes that repeat a key within a commit reach the changelog once. The story-key
 * store alone has no cache: most of its keys are read and written once (most stories are told once), so
 * caching it filled the thread's record cache with entries never read again, pushed out the cells that
 * are, and made every get and put walk a larger sorted map (decision 65).
 *
 * <p>Keys begin {@code <country>|<tier>|}. The stores: day cells ({@code scoring-cells},
 * {@code ...|<indicator>|<epoch day>}), the report that stands for each story ({@code scoring-story-keys},
 * {@code ...|<indicator>|<story>} → {@link CountedStory}, read per observation and never held in memory),
 * checkpoints of the standing ({@code scoring-checkpoints}, {@code ...|<sortable day>}) and how far the tier
 * is scored and from which day it must be scored again ({@code scoring-progress}). Nothing is forgotten:
 * input for any past day must find the history it is scored against.
 */
final class TierStore {

    static final String CELLS = "scoring-cells";
    static final String STORIES = "scoring-story-keys";
    static final String CHECKPOINTS = "scoring-checkpoints";
    static final String PROGRESS = "scoring-progress";
    private static final String SEP = "|";

    private final int evidenceMax;
    private final KeyValueStore<String, DayCell> cells;
    private final KeyValueStore<String, String> stories;
    private final KeyValueStore<String, TierStanding> checkpoints;
    private final KeyValueStore<String, String> progress;
    /** country → tier → state, sorted so that tiers are scored in the same order on every run. */
    private final TreeMap<String, TreeMap<Classification, TierState>> countries = new TreeMap<>();

    TierStore(ProcessorContext<?, ?> context, int evidenceMax) {
        this.evidenceMax = evidenceMax;
        this.cells = context.getStateStore(CELLS);
        this.stories = context.getStateStore(STORIES);
        this.checkpoints = context.getStateStore(CHECKPOINTS);
        this.progress = context.getStateStore(PROGRESS);
        load();
    }

    /** The stores, for the topology. */
    static List<StoreBuilder<?>> builders() {
        return List.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CELLS), Serdes.String(),
                        new DayCellSerde()).withCachingEnabled(),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORIES), Serdes.String(),
                        Serdes.String()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CHECKPOINTS), Serdes.String(),
                        JsonSerde.of(TierStanding.class)).withCachingEnabled(),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PROGRESS), Serdes.String(),
                        Serdes.String()).withCachingEnabled());
    }

    /** The names of the stores, for connecting them to the detector. */
    static String[] names() {
        return new String[] {CELLS, STORIES, CHECKPOINTS, PROGRESS};
    }

    /**
     * Every country with state once, beginning with the first after {@code after} and wrapping round (all of them
     * from the first when {@code after} is null), so that work cut into slices reaches each in turn.
     */
    Iterable<Map.Entry<String, TreeMap<Classification, TierState>>> countriesAfter(String after) {
        if (after == null) {
            return countries.entrySet();
        }
        return () -> Stream.concat(countries.tailMap(after, false).entrySet().stream(),
                countries.headMap(after, true).entrySet().stream()).iterator();
    }

    /**
     * Takes an observation into its own tier and every tier above it. A tier is created when its first
     * observation arrives, as a copy of the cells of the tier below it; so the public tier is computed from
     * public reports only, and a user cleared for secret sees a score that also weighs the secret ones: no
     * score shown to someone was shaped by a report they may not see.
     *
     * @return false when every tier had already counted the observation's story
     */
    boolean take(Observation o, long day) {
        TreeMap<Classification, TierState> tiers = countries.computeIfAbsent(o.country(), c -> new TreeMap<>());
        Classification own = o.classification();
        if (!tiers.containsKey(Classification.PUBLIC)) {
            create(o.country(), Classification.PUBLIC, new TierState());
        }
        if (!tiers.containsKey(own)) {
            Classification below = tiers.lowerKey(own);
            create(o.country(), own, tiers.get(below).copyCells());
            copyStories(prefix(o.country(), below), prefix(o.country(), own));
        }
        boolean counted = false;
        for (Map.Entry<Classification, TierState> tier : tiers.tailMap(own, true).entrySet()) {
            String prefix = prefix(o.country(), tier.getKey());
            counted |= take(prefix, tier.getValue(), o, day);
            saveProgress(prefix, tier.getValue());
        }
        return counted;
    }

    /**
     * Counts the observation's story in one tier, unless the report standing for that story beats it. The
     * day's cell is written once, after every change to it: a store write serialises the whole cell.
     */
    private boolean take(String prefix, TierState state, Observation o, long day) {
        String cellKey = cellKey(prefix, o.indicator(), day);
        DayCell reported = state.reportedBy(o.indicator(), day, o.sourceKind());
        CountedStory story = new CountedStory(day, o.value(), o.reportId());
        String storyKey = prefix + o.indicator() + SEP + o.story();
        String seen = stories.get(storyKey);
        CountedStory standing = seen == null ? null : CountedStory.parse(seen);
        if (standing != null && !story.beats(standing)) {
            if (reported != null) {
                cells.put(cellKey, reported);
            }
            return false;
        }
        if (standing != null) {
            DayCell uncounted = state.uncount(o.indicator(), standing.day(), standing.reportId(), standing.value());
            if (standing.day() != day) {
                cells.put(cellKey(prefix, o.indicator(), standing.day()), uncounted);
            }
        }
        stories.put(storyKey, story.encode());
        cells.put(cellKey, state.count(o.indicator(), day, o.reportId(), o.value(), evidenceMax));
        return standing == null;
    }

    /** The history of these tiers begins earlier now: every country's days in them are scored again. */
    void historyBeginsEarlier(Set<Classification> tiers) {
        countries.forEach((country, states) -> states.forEach((tier, state) -> {
            if (tiers.contains(tier) && state.firstDay() != Long.MAX_VALUE) {
                state.changed(state.firstDay());
                saveProgress(prefix(country, tier), state);
            }
        }));
    }

    /** Stores what a re-score of a tier changed: its checkpoints and how far it is scored. */
    void rescored(String country, Classification tier, TierState state, TierRescorer.Rescored rescored) {
        String prefix = prefix(country, tier);
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, TierStanding> stored = checkpoints.prefixScan(prefix, Serdes.String().serializer())) {
            stored.forEachRemaining(kv -> {
                long day = SortableDay.parse(kv.key.substring(prefix.length()));
                if (day > rescored.checkpointed() || !state.checkpoints().containsKey(day)) {
                    stale.add(kv.key);
                }
            });
        }
        stale.forEach(checkpoints::delete);
        state.checkpoints().tailMap(rescored.checkpointed(), false)
                .forEach((day, standing) -> checkpoints.put(prefix + SortableDay.of(day), standing));
        saveProgress(prefix, state);
    }

    private void saveProgress(String prefix, TierState state) {
        progress.put(prefix, state.scoredThrough() + SEP + state.dirtyFrom());
    }

    private void create(String country, Classification tier, TierState state) {
        countries.computeIfAbsent(country, c -> new TreeMap<>()).put(tier, state);
        String prefix = prefix(country, tier);
        state.forEachCell((indicator, day, cell) -> cells.put(cellKey(prefix, indicator, day), cell));
        saveProgress(prefix, state);
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
        try (KeyValueIterator<String, String> all = progress.all()) {
            all.forEachRemaining(kv -> {
                String[] key = kv.key.split("\\" + SEP, -1);
                String[] value = kv.value.split("\\" + SEP);
                TierState state = new TierState();
                state.progress(Long.parseLong(value[0]), Long.parseLong(value[1]));
                countries.computeIfAbsent(key[0], c -> new TreeMap<>()).put(Classification.parse(key[1]), state);
            });
        }
        try (KeyValueIterator<String, DayCell> all = cells.all()) {
            all.forEachRemaining(kv -> {
                int last = kv.key.lastIndexOf(SEP);
                String[] key = kv.key.substring(0, last).split("\\" + SEP, 3);
                state(key).put(key[2], Long.parseLong(kv.key.substring(last + 1)), kv.value);
            });
        }
        try (KeyValueIterator<String, TierStanding> all = checkpoints.all()) {
            all.forEachRemaining(kv -> {
                String[] key = kv.key.split("\\" + SEP, 3);
                state(key).checkpoints().put(SortableDay.parse(key[2]), kv.value);
            });
        }
    }

    private TierState state(String[] key) {
        Map<Classification, TierState> tiers = countries.get(key[0]);
        TierState state = tiers == null ? null : tiers.get(Classification.parse(key[1]));
        if (state == null) {
            throw new IllegalStateException("scoring state " + String.join(SEP, key) + " has no progress entry");
        }
        return state;
    }

    /** The key of a day cell; {@link #load()} reads it back from the right, as the indicator may hold dots. */
    private static String cellKey(String prefix, String indicator, long day) {
        return prefix + indicator + SEP + day;
    }

    /** {@code <country>|<tier>|}, the start of every key of a country's tier. */
    static String prefix(String country, Classification tier) {
        return country + SEP + tier.label() + SEP;
    }
}

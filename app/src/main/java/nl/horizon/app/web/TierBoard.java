package nl.horizon.app.web;

import nl.horizon.index.TopicFollower;
import nl.horizon.schema.Classification;
import nl.horizon.schema.JsonSerde;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The latest value per country and classification tier of a compacted topic keyed
 * {@code <country>:<tier>:<period>} (phases by day, forecasts by month), folded as a consumer of it ends up
 * with it: the latest record per key, tombstones applied; a country's current value in a tier is that of
 * its latest period. Readers ask for one tier, the tier their country's risk comes from ({@link Situation}),
 * so a value is shown only to callers cleared for that tier, exactly as the risk is.
 *
 * @param <T> the topic's value
 */
public final class TierBoard<T> {

    /** {@code <country>:<tier>} → period → value. */
    private final Map<String, TreeMap<Comparable<?>, T>> series = new HashMap<>();
    private final Function<String, Comparable<?>> period;
    private final String periodName;

    private TierBoard(Function<String, Comparable<?>> period, String periodName) {
        this.period = period;
        this.periodName = periodName;
    }

    /** A board of a topic keyed by day ({@code MLI:public:2012-04-01}). */
    public static <T> TierBoard<T> byDay() {
        return new TierBoard<>(LocalDate::parse, "a day");
    }

    /** A board of a topic keyed by month ({@code MLI:public:2011-12}). */
    public static <T> TierBoard<T> byMonth() {
        return new TierBoard<>(YearMonth::parse, "a month");
    }

    /**
     * Takes one record of the topic.
     *
     * @param key   {@code <country>:<tier>:<period>}
     * @param value the value, or null: the key's earlier value no longer holds
     * @throws IllegalArgumentException when the key is not of that form
     */
    public synchronized void apply(String key, T value) {
        int last = key == null ? -1 : key.lastIndexOf(':');
        if (last <= 0) {
            throw new IllegalArgumentException("key '" + key + "' is not <country>:<tier>:<period>");
        }
        String seriesKey = key.substring(0, last);
        Comparable<?> at;
        try {
            at = period.apply(key.substring(last + 1));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("key '" + key + "' does not end in " + periodName, e);
        }
        if (value == null) {
            TreeMap<Comparable<?>, T> periods = series.get(seriesKey);
            if (periods != null) {
                periods.remove(at);
            }
        } else {
            series.computeIfAbsent(seriesKey, k -> new TreeMap<>()).put(at, value);
        }
    }

    /** The topic's records into this board, for a {@link TopicFollower} reading it from its beginning. */
    public TopicFollower.Handler records(Class<T> type) {
        JsonSerde<T> serde = JsonSerde.of(type);
        return record -> apply(record.key(), record.value() == null ? null
                : serde.deserialize(record.topic(), record.value()));
    }

    /** A country's current value in one tier, if it has ever had one there. */
    public synchronized Optional<T> current(String country, Classification tier) {
        TreeMap<Comparable<?>, T> periods = series.get(country + ":" + tier.label());
        return periods == null || periods.isEmpty() ? Optional.empty() : Optional.of(periods.lastEntry().getValue());
    }
}

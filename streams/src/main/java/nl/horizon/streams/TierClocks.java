package nl.horizon.streams;

import nl.horizon.schema.Classification;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.LongBinaryOperator;

/**
 * The span of event time that the input of each classification covers, and so the span each tier sees:
 * a tier sees the input of its own classification and of every classification below it. The latest day
 * is how far the tier is scored; the earliest is where its history, and so its warm-up, begins. Both are
 * an extreme over everything received, so they do not depend on the order input came in, and a tier's
 * span never moves for input it may not see. Kept in a state store ({@code earliest|<classification>},
 * {@code latest|<classification>} → epoch day), so a restart resumes with the same span.
 */
final class TierClocks {

    private static final String EARLIEST = "earliest|";
    private static final String LATEST = "latest|";

    private final KeyValueStore<String, Long> store;
    private final EnumMap<Classification, Long> earliest = new EnumMap<>(Classification.class);
    private final EnumMap<Classification, Long> latest = new EnumMap<>(Classification.class);

    TierClocks(KeyValueStore<String, Long> store) {
        this.store = store;
        for (Classification c : Classification.values()) {
            Long first = store.get(EARLIEST + c.label());
            Long last = store.get(LATEST + c.label());
            if (first != null && last != null) {
                earliest.put(c, first);
                latest.put(c, last);
            }
        }
    }

    /**
     * Widens the span of a classification's input to take in {@code firstDay..lastDay}.
     *
     * @return the tiers whose history now begins earlier: every day they scored may change
     */
    Set<Classification> widen(Classification classification, long firstDay, long lastDay) {
        EnumMap<Classification, Long> before = new EnumMap<>(Classification.class);
        for (Classification tier : Classification.values()) {
            before.put(tier, historyStart(tier));
        }
        Long first = earliest.get(classification);
        if (first == null || firstDay < first) {
            earliest.put(classification, firstDay);
            store.put(EARLIEST + classification.label(), firstDay);
        }
        Long last = latest.get(classification);
        if (last == null || lastDay > last) {
            latest.put(classification, lastDay);
            store.put(LATEST + classification.label(), lastDay);
        }
        Set<Classification> earlier = EnumSet.noneOf(Classification.class);
        for (Classification tier : Classification.values()) {
            if (historyStart(tier) < before.get(tier) && before.get(tier) != Long.MAX_VALUE) {
                earlier.add(tier);
            }
        }
        return earlier;
    }

    /** The first event day of the input {@code tier} may see, {@link Long#MAX_VALUE} when it has none. */
    long historyStart(Classification tier) {
        return extreme(earliest, tier, Long.MAX_VALUE, Math::min);
    }

    /** The latest event day of the input {@code tier} may see, {@link Long#MIN_VALUE} when it has none. */
    long latestDay(Classification tier) {
        return extreme(latest, tier, Long.MIN_VALUE, Math::max);
    }

    /** {@code pick} over the days of the classifications {@code tier} may see, {@code none} when there are none. */
    private static long extreme(EnumMap<Classification, Long> days, Classification tier, long none,
                                LongBinaryOperator pick) {
        long day = none;
        for (var c : days.entrySet()) {
            if (c.getKey().visibleTo(tier)) {
                day = pick.applyAsLong(day, c.getValue());
            }
        }
        return day;
    }
}

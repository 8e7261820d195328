package nl.horizon.app.web;

import nl.horizon.schema.Classification;
import nl.horizon.schema.CountryPhase;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every country's AIV/CAVV phase per classification tier, folded from the compacted
 * {@code horizon.phases.v1} as a consumer of it ends up with it: the latest record per key, tombstones
 * applied; a country's current phase in a tier is its latest day. Readers ask for one tier, the tier their
 * country's risk comes from ({@link Situation}), so a phase is shown only to callers cleared for that tier,
 * exactly as the risk is; a country without a point in a tier is in no phase ({@code stable}).
 */
public final class PhaseBoard {

    /** {@code <country>:<tier>} → day → point. */
    private final Map<String, TreeMap<LocalDate, CountryPhase>> series = new HashMap<>();

    /**
     * Takes one record of the topic.
     *
     * @param key   {@code <country>:<tier>:<day>}
     * @param point the point, or null: the key's earlier point no longer holds
     * @throws IllegalArgumentException when the key is not of that form
     */
    public synchronized void apply(String key, CountryPhase point) {
        int last = key == null ? -1 : key.lastIndexOf(':');
        if (last <= 0) {
            throw new IllegalArgumentException("phase key '" + key + "' is not <country>:<tier>:<day>");
        }
        String seriesKey = key.substring(0, last);
        LocalDate day;
        try {
            day = LocalDate.parse(key.substring(last + 1));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("phase key '" + key + "' does not end in a day", e);
        }
        if (point == null) {
            TreeMap<LocalDate, CountryPhase> days = series.get(seriesKey);
            if (days != null) {
                days.remove(day);
            }
        } else {
            series.computeIfAbsent(seriesKey, k -> new TreeMap<>()).put(day, point);
        }
    }

    /** A country's current phase in one tier, if it has ever had one there. */
    public synchronized Optional<CountryPhase> current(String country, Classification tier) {
        TreeMap<LocalDate, CountryPhase> days = series.get(country + ":" + tier.label());
        return days == null || days.isEmpty() ? Optional.empty() : Optional.of(days.lastEntry().getValue());
    }
}

package nl.horizon.streams.forecast;

import nl.horizon.schema.Classification;
import nl.horizon.schema.CoupAttempt;
import nl.horizon.schema.Observation;
import nl.horizon.schema.StructuralValue;
import nl.horizon.streams.scoring.CountedStory;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the streams application's forecast has read, as a set: fatality stories per country and
 * classification, structural values per indicator, country, year and source, and the days of coup
 * attempts per country. A tier's {@link #history} is computed from the part of it that the tier may see, so a forecast depends on the set
 * of input its tier may see and never on the order it came in or on input of a higher classification.
 * <p>
 * Fatalities are counted as the detector counts them: one value per story (the same event carried by
 * several feeds counts once), the report standing for it chosen by its content ({@link CountedStory}).
 * Coup attempts come from a coup table ({@code horizon.coups.v1}); one day counts once per country,
 * whichever tables carry it, as the back-test counts its labels. Until the first attempt is taken the
 * pipeline has no source of coups and the coup features are missing (their training means), not zero;
 * from then on a country without attempts has none. Structural values and coups are public: they count in
 * every tier.
 */
public final class ForecastInputs {

    /** The indicator whose values are fatality counts. */
    public static final String FATALITIES = "security.fatalities";
    /** Before every month: what a change that every forecast may read marks to be issued again. */
    public static final YearMonth EVERY_MONTH = YearMonth.of(0, 1);

    /** country → story → classification → the report that stands for the story among that classification's. */
    private final Map<String, Map<String, EnumMap<Classification, CountedStory>>> stories = new TreeMap<>();
    /** tier → country → month → fatalities: the sum over stories of the report standing for each in the tier. */
    private final EnumMap<Classification, Map<String, Map<YearMonth, Double>>> totals =
            new EnumMap<>(Classification.class);
    /** The classifications fatalities came in. */
    private final EnumSet<Classification> seen = EnumSet.noneOf(Classification.class);
    /** indicator → country → year → source → value. */
    private final Map<StructuralIndicator, Map<String, TreeMap<Integer, TreeMap<String, Double>>>> structural =
            new EnumMap<>(StructuralIndicator.class);
    /** country → days of coup attempts. */
    private final Map<String, TreeSet<LocalDate>> coups = new HashMap<>();
    private final LandBorders borders;

    public ForecastInputs(LandBorders borders) {
        this.borders = borders;
    }

    /**
     * Takes a fatality observation.
     *
     * @return the month it may change, empty when its classification had counted its story already
     */
    public Optional<YearMonth> take(Observation o, long day) {
        return take(o.country(), o.story(), o.classification(), new CountedStory(day, o.value(), o.reportId()));
    }

    /** Takes a story as stored ({@link #take(Observation, long)}). */
    public Optional<YearMonth> take(String country, String story, Classification classification,
                                             CountedStory counted) {
        EnumMap<Classification, CountedStory> byClass = stories.computeIfAbsent(country, c -> new HashMap<>())
                .computeIfAbsent(story, s -> new EnumMap<>(Classification.class));
        CountedStory standing = byClass.get(classification);
        if (standing != null && !counted.beats(standing)) {
            return Optional.empty();
        }
        EnumMap<Classification, CountedStory> before = new EnumMap<>(Classification.class);
        for (Classification tier : Classification.values()) {
            before.put(tier, best(byClass, tier));
        }
        byClass.put(classification, counted);
        seen.add(classification);
        for (Classification tier : Classification.values()) {
            CountedStory was = before.get(tier);
            CountedStory now = best(byClass, tier);
            if (was != now) {
                Map<YearMonth, Double> months = totals.computeIfAbsent(tier, t -> new HashMap<>())
                        .computeIfAbsent(country, c -> new HashMap<>());
                if (was != null) {
                    months.merge(month(was.day()), -was.value(), Double::sum);
                }
                months.merge(month(now.day()), now.value(), Double::sum);
            }
        }
        YearMonth month = month(counted.day());
        return Optional.of(standing == null || month(standing.day()).isAfter(month) ? month
                : month(standing.day()));
    }

    /**
     * Takes a structural value; values of indicators the forecast does not read are ignored.
     *
     * @return the first month whose forecast may read it (its year is known from 1 July of the next)
     */
    public Optional<YearMonth> take(StructuralValue v) {
        Optional<StructuralIndicator> indicator = StructuralIndicator.of(v.indicator());
        indicator.ifPresent(i -> structural.computeIfAbsent(i, k -> new HashMap<>())
                .computeIfAbsent(v.country(), k -> new TreeMap<>())
                .computeIfAbsent(v.year(), k -> new TreeMap<>()).put(v.source(), v.value()));
        return indicator.map(i -> YearMonth.of(v.year() + 1, 6));
    }

    /**
     * Takes a coup attempt.
     *
     * @return the first month whose forecast may read it: the month before its own (February's total is
     *         released in early March), or {@link #EVERY_MONTH} for the first attempt taken, which turns the
     *         coup features of every country and month from missing into counts
     */
    public YearMonth take(CoupAttempt attempt) {
        boolean first = coups.isEmpty();
        coups.computeIfAbsent(attempt.country(), c -> new TreeSet<>()).add(attempt.day());
        return first ? EVERY_MONTH : YearMonth.from(attempt.day()).minusMonths(1);
    }

    /**
     * The countries {@code tier}'s forecast covers: every sovereign state and every country with fatalities
     * the tier may see (a territory with only secret fatalities gets no public forecast: its existence would
     * tell of them).
     */
    public Set<String> countries(Classification tier) {
        Set<String> countries = new TreeSet<>(borders.independent());
        countries.addAll(totals.getOrDefault(tier, Map.of()).keySet());
        return countries;
    }

    /** Whether any fatality of {@code classification} has been taken. */
    public boolean has(Classification classification) {
        return seen.contains(classification);
    }

    /**
     * The history {@code tier} may see: per story, the report standing for it among the classifications
     * visible to the tier, summed by country and month.
     *
     * @param firstMonth the first month of the tier's input
     */
    public ForecastHistory history(Classification tier, YearMonth firstMonth) {
        return new TierHistory(totals.getOrDefault(tier, Map.of()), firstMonth);
    }

    /** The report standing for a story among the classifications {@code tier} may see, null when none. */
    private static CountedStory best(EnumMap<Classification, CountedStory> byClass, Classification tier) {
        CountedStory best = null;
        for (Map.Entry<Classification, CountedStory> e : byClass.entrySet()) {
            if (e.getKey().visibleTo(tier) && (best == null || e.getValue().beats(best))) {
                best = e.getValue();
            }
        }
        return best;
    }

    private static YearMonth month(long epochDay) {
        return YearMonth.from(LocalDate.ofEpochDay(epochDay));
    }

    /** One tier's view. */
    private final class TierHistory implements ForecastHistory {
        private final Map<String, Map<YearMonth, Double>> deaths;
        private final YearMonth firstMonth;

        TierHistory(Map<String, Map<YearMonth, Double>> deaths, YearMonth firstMonth) {
            this.deaths = deaths;
            this.firstMonth = firstMonth;
        }

        @Override
        public int deaths(String country, YearMonth month) {
            Map<YearMonth, Double> months = deaths.get(country);
            Double dead = months == null ? null : months.get(month);
            return dead == null ? 0 : (int) Math.round(dead);
        }

        @Override
        public YearMonth firstMonth() {
            return firstMonth;
        }

        @Override
        public Set<String> neighbours(String country) {
            return borders.of(country);
        }

        /** Empty until a coup table has been read; then the country's days, none when it had no attempt. */
        @Override
        public Optional<List<LocalDate>> coups(String country) {
            if (coups.isEmpty()) {
                return Optional.empty();
            }
            TreeSet<LocalDate> days = coups.get(country);
            return Optional.of(days == null ? List.of() : List.copyOf(days));
        }

        /** The value of the latest year up to {@code year}; where sources disagree, the first source by name. */
        @Override
        public OptionalDouble structural(StructuralIndicator indicator, String country, int year) {
            TreeMap<Integer, TreeMap<String, Double>> years = structural.getOrDefault(indicator, Map.of()).get(country);
            Map.Entry<Integer, TreeMap<String, Double>> entry = years == null ? null : years.floorEntry(year);
            return entry == null ? OptionalDouble.empty() : OptionalDouble.of(entry.getValue().firstEntry().getValue());
        }
    }
}

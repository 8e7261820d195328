package nl.horizon.streams.scoring;

import nl.horizon.schema.Classification;
import nl.horizon.schema.CountryPhase;
import nl.horizon.schema.PhaseCriterion;
import nl.horizon.schema.StatePhase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts a country's tier in one of the AIV/CAVV phases of state failure on each day, from the same day cells
 * the risk score is computed from (docs/scoring.md, section 6).
 *
 * <p><b>Tests.</b> Each phase has tests on windowed totals of indicators ending on a day: failure when the
 * deaths of a year or of a quarter reach war intensity, or when a coup meets lost territory amid fighting;
 * decay when a year's deaths make an armed conflict, or authority over territory is reported lost; recovery
 * when a country that had an armed conflict the year before saw its deaths halve, or fall with de-escalation
 * reported; growing tension when several signs of abuse of power are reported, or a coup. The thresholds are
 * in {@link PhaseSettings}.
 *
 * <p><b>Hysteresis.</b> A phase holds for {@code hold.days} after its tests last held; of the phases that hold,
 * the gravest wins (failure, recovery, decay, tension). So a country goes up at once and comes down only after
 * {@code hold.days} without the graver phase's tests. This is a function of the cells in a bounded window of
 * days before each day, never of a path: the phases of any day are the same whatever order input came in and
 * from whichever day they are computed again.
 *
 * <p>Totals are whole numbers (deaths, stories), summed as {@code long}, so that a window's total is exact
 * however it is summed.
 */
public final class PhaseClassifier {

    /** The indicator whose total is a report's death count. */
    public static final String DEATHS = "security.fatalities";
    private static final String COUP = "political.coup";
    private static final int YEAR = 365;
    private static final int QUARTER = 90;
    private static final int DE_ESCALATION_DAYS = 180;
    /** The gravest first: of the phases whose tests held within {@code hold.days}, the first wins. */
    private static final StatePhase[] GRAVITY = {StatePhase.FAILURE, StatePhase.RECOVERY, StatePhase.DECAY,
            StatePhase.TENSION};

    private final PhaseSettings settings;
    private final List<String> deEscalation;
    private final Map<String, Double> floors = new java.util.TreeMap<>();
    private final int evidenceMax;

    public PhaseClassifier(Taxonomy taxonomy, PhaseSettings settings, int evidenceMax) {
        this.settings = settings.check(taxonomy);
        this.deEscalation = taxonomy.indicators().stream().filter(Indicator::deEscalating).map(Indicator::id).toList();
        settings.tensionIndicators().forEach(id -> floors.put(id, taxonomy.indicator(id).orElseThrow().floor()));
        this.evidenceMax = evidenceMax;
    }

    /** The phase of the day before a re-scored range, as published: where its run began. */
    public record Earlier(StatePhase phase, LocalDate since) {
    }

    /**
     * The points for the days {@code from..through}: one for each day on which the phase, its tests or their
     * evidence differ from the day before.
     *
     * @param earlier the latest point published before {@code from}, or null: where the run of the phase on
     *                the day before {@code from} began
     */
    public List<CountryPhase> classify(String country, Classification tier, TierState state, long from, long through,
                                       Earlier earlier) {
        List<CountryPhase> points = new ArrayList<>();
        if (from > through) {
            return points;
        }
        Totals totals = new Totals(state, from - settings.holdDays() - 2L * YEAR + 1, through);
        long[] lastMet = new long[GRAVITY.length];
        java.util.Arrays.fill(lastMet, Long.MIN_VALUE);
        for (long day = from - settings.holdDays(); day < from - 1; day++) {
            meet(totals, day, lastMet);
        }
        StatePhase phase = StatePhase.STABLE;
        long metOn = Long.MIN_VALUE;
        LocalDate since = null;
        List<PhaseCriterion> criteria = List.of();
        List<String> evidence = List.of();
        for (long day = from - 1; day <= through; day++) {
            meet(totals, day, lastMet);
            StatePhase now = StatePhase.STABLE;
            long nowMet = Long.MIN_VALUE;
            for (int p = 0; p < GRAVITY.length; p++) {
                if (lastMet[p] > day - settings.holdDays()) {
                    now = GRAVITY[p];
                    nowMet = lastMet[p];
                    break;
                }
            }
            if (day == from - 1) {
                phase = now;
                metOn = nowMet;
                since = earlier != null && earlier.phase() == now ? earlier.since() : LocalDate.ofEpochDay(day);
                criteria = now == StatePhase.STABLE ? List.of() : tests(totals, now, nowMet);
                evidence = evidence(state, criteria);
                continue;
            }
            if (now == phase && nowMet == metOn) {
                continue;
            }
            List<PhaseCriterion> nowCriteria = now == StatePhase.STABLE ? List.of() : tests(totals, now, nowMet);
            List<String> nowEvidence = evidence(state, nowCriteria);
            boolean changed = now != phase || !ids(nowCriteria).equals(ids(criteria)) || !nowEvidence.equals(evidence);
            if (now != phase) {
                since = LocalDate.ofEpochDay(day);
            }
            phase = now;
            metOn = nowMet;
            criteria = nowCriteria;
            evidence = nowEvidence;
            if (changed) {
                points.add(new CountryPhase(country, LocalDate.ofEpochDay(day), now, since, nowCriteria, nowEvidence,
                        tier, null));
            }
        }
        return points;
    }

    /** Notes, for each phase, whether its tests hold on {@code day}. */
    private void meet(Totals totals, long day, long[] lastMet) {
        for (int p = 0; p < GRAVITY.length; p++) {
            if (holds(totals, GRAVITY[p], day)) {
                lastMet[p] = day;
            }
        }
    }

    private boolean holds(Totals t, StatePhase phase, long day) {
        long deathsYear = t.deaths(day - YEAR + 1, day);
        return switch (phase) {
            case FAILURE -> deathsYear >= settings.warDeaths()
                    || t.deaths(day - QUARTER + 1, day) >= settings.warQuarterDeaths() || collapse(t, day);
            case RECOVERY -> {
                long before = t.deaths(day - 2 * YEAR + 1, day - YEAR);
                yield before >= settings.armedConflictDeaths() && (deathsYear <= settings.recoveryFall() * before
                        || deathsYear <= before && t.deEscalation(day - DE_ESCALATION_DAYS + 1, day) >= 1);
            }
            case DECAY -> deathsYear >= settings.armedConflictDeaths() || t.authority(day - QUARTER + 1, day) >= 1;
            case TENSION -> t.coup(day - QUARTER + 1, day) >= 1 || tensionSigns(t, day) >= settings.tensionMinIndicators();
            case STABLE -> false;
        };
    }

    private boolean collapse(Totals t, long day) {
        return t.coup(day - YEAR + 1, day) >= 1 && t.authority(day - QUARTER + 1, day) >= 1
                && t.deaths(day - QUARTER + 1, day) >= settings.armedConflictDeaths();
    }

    private int tensionSigns(Totals t, long day) {
        int signs = 0;
        for (Map.Entry<String, Double> indicator : floors.entrySet()) {
            if (t.of(indicator.getKey(), day - QUARTER + 1, day) >= Math.max(1, indicator.getValue())) {
                signs++;
            }
        }
        return signs;
    }

    /** The tests of {@code phase} that held on {@code day}, with their figures. */
    private List<PhaseCriterion> tests(Totals t, StatePhase phase, long day) {
        List<PhaseCriterion> held = new ArrayList<>();
        List<String> deaths = List.of(DEATHS);
        switch (phase) {
            case FAILURE -> {
                atLeast(held, "failure.deaths-365", deaths, t, day - YEAR + 1, day, settings.warDeaths());
                atLeast(held, "failure.deaths-90", deaths, t, day - QUARTER + 1, day, settings.warQuarterDeaths());
                if (collapse(t, day)) {
                    atLeast(held, "failure.coup-365", List.of(COUP), t, day - YEAR + 1, day, 1);
                    atLeast(held, "failure.authority-90", settings.authorityIndicators(), t, day - QUARTER + 1, day, 1);
                    atLeast(held, "failure.armed-conflict-90", deaths, t, day - QUARTER + 1, day,
                            settings.armedConflictDeaths());
                }
            }
            case RECOVERY -> {
                long before = t.deaths(day - 2 * YEAR + 1, day - YEAR);
                atLeast(held, "recovery.conflict-year-before", deaths, t, day - 2 * YEAR + 1, day - YEAR,
                        settings.armedConflictDeaths());
                if (!atMost(held, "recovery.deaths-fell", deaths, t, day - YEAR + 1, day,
                        settings.recoveryFall() * before)) {
                    atMost(held, "recovery.deaths-not-rising", deaths, t, day - YEAR + 1, day, before);
                    atLeast(held, "recovery.de-escalation-180", deEscalation, t, day - DE_ESCALATION_DAYS + 1, day, 1);
                }
            }
            case DECAY -> {
                atLeast(held, "decay.deaths-365", deaths, t, day - YEAR + 1, day, settings.armedConflictDeaths());
                atLeast(held, "decay.authority-90", settings.authorityIndicators(), t, day - QUARTER + 1, day, 1);
            }
            case TENSION -> floors.forEach((id, floor) ->
                    atLeast(held, "tension." + id, List.of(id), t, day - QUARTER + 1, day, Math.max(1, floor)));
            case STABLE -> {
            }
        }
        return held;
    }

    private static void atLeast(List<PhaseCriterion> held, String id, List<String> indicators, Totals t, long from,
                                long to, double threshold) {
        long observed = t.sum(indicators, from, to);
        if (observed >= threshold) {
            held.add(new PhaseCriterion(id, indicators, LocalDate.ofEpochDay(from), LocalDate.ofEpochDay(to), observed,
                    PhaseCriterion.AT_LEAST, threshold));
        }
    }

    private static boolean atMost(List<PhaseCriterion> held, String id, List<String> indicators, Totals t, long from,
                                  long to, double threshold) {
        long observed = t.sum(indicators, from, to);
        if (observed <= threshold) {
            held.add(new PhaseCriterion(id, indicators, LocalDate.ofEpochDay(from), LocalDate.ofEpochDay(to), observed,
                    PhaseCriterion.AT_MOST, threshold));
            return true;
        }
        return false;
    }

    /** Report ids behind the tests, in their order, latest day first within each. */
    private List<String> evidence(TierState state, List<PhaseCriterion> criteria) {
        Set<String> ids = new LinkedHashSet<>();
        for (PhaseCriterion c : criteria) {
            for (String indicator : c.indicators()) {
                for (DayCell cell : state.window(indicator, c.from().toEpochDay(), c.to().toEpochDay())
                        .descendingMap().values()) {
                    for (String id : cell.evidence) {
                        if (ids.size() == evidenceMax) {
                            return List.copyOf(ids);
                        }
                        ids.add(id);
                    }
                }
            }
        }
        return List.copyOf(ids);
    }

    private static List<String> ids(List<PhaseCriterion> criteria) {
        return criteria.stream().map(PhaseCriterion::id).toList();
    }

    /** Daily totals of the indicators the rule reads, over {@code first..last}, as prefix sums. */
    private final class Totals {
        private final TierState state;
        private final long first;
        private final long last;
        private final Map<String, long[]> prefix = new java.util.HashMap<>();

        Totals(TierState state, long first, long last) {
            this.state = state;
            this.first = first;
            this.last = last;
        }

        long deaths(long from, long to) {
            return of(DEATHS, from, to);
        }

        long coup(long from, long to) {
            return of(COUP, from, to);
        }

        long authority(long from, long to) {
            return sum(settings.authorityIndicators(), from, to);
        }

        long deEscalation(long from, long to) {
            return sum(deEscalation, from, to);
        }

        long sum(List<String> indicators, long from, long to) {
            long total = 0;
            for (String indicator : indicators) {
                total += of(indicator, from, to);
            }
            return total;
        }

        /** The indicator's total over {@code from..to}; days outside {@code first..last} count nothing. */
        long of(String indicator, long from, long to) {
            long[] sums = prefix.computeIfAbsent(indicator, this::load);
            long a = Math.max(from, first) - first;
            long b = Math.min(to, last) - first;
            if (a > b) {
                return 0;
            }
            return sums[(int) b + 1] - sums[(int) a];
        }

        private long[] load(String indicator) {
            long[] sums = new long[(int) (last - first) + 2];
            for (var cell : state.window(indicator, first, last).entrySet()) {
                sums[(int) (cell.getKey() - first) + 1] = Math.round(cell.getValue().total);
            }
            for (int i = 1; i < sums.length; i++) {
                sums[i] += sums[i - 1];
            }
            return sums;
        }
    }
}

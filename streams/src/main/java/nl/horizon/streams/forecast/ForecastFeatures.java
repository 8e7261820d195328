package nl.horizon.streams.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The leading indicators of a country as known on the day a month's fatality total is released
 * ({@link ReleaseCalendar}): the day a forecast is issued. Only what is known on that day is read:
 * <ul>
 *   <li>fatalities of the month and the months before (each is known from its release day);</li>
 *   <li>coup attempts dated before that day (a coup is known the day it happens);</li>
 *   <li>annual tables for year {@code t} from 1 July of {@code t + 1} ({@link #knownYear}): the World Bank
 *       and V-Dem publish a year's values in the first half of the next, so a forecast in March 2012 reads
 *       2010, one in September 2012 reads 2011.</li>
 * </ul>
 * A value the tables lack is {@code NaN}; the model replaces it by its training mean and counts it in
 * {@code structural.missing}; so are the coup features when the history has no source of coups. The features follow the onset-forecasting literature (Goldstone et al. 2010,
 * Hegre et al.'s ViEWS): conflict history (a calm year, deaths and their peak, time since the last month
 * of 25 or more), violence below the 25 floor and its trend, neighbours at war, coups, and structural
 * conditions (infant mortality, population, regime type with the anocracy hump, income and growth).
 * <p>
 * One piece of code for every caller: the back-test's fit and replay and the streams application's
 * forecast topology compute features here, each from its own {@link ForecastHistory}.
 */
public final class ForecastFeatures {

    /** The features, in the order {@link #at} returns them. */
    public static final List<String> NAMES = List.of(
            "conflict.calm_year", "conflict.log_deaths_12m", "conflict.log_deaths_month", "conflict.log_peak_12m",
            "conflict.log_months_since_25", "violence.low_months_12m", "violence.trend_3m",
            "neighbours.log_deaths_12m", "neighbours.share_in_conflict", "coups.attempts_5y", "coups.within_1y",
            "structural.log_infant_mortality", "structural.log_population", "structural.democracy",
            "structural.anocracy", "structural.log_gdp_per_capita", "structural.gdp_growth", "structural.missing");

    /** The 25-death floor of a conflict month (UCDP's, and the onset label's). */
    static final int FLOOR = 25;
    /** Months since the last conflict month are capped here: a decade of calm is calm. */
    static final int MONTHS_SINCE_CAP = 120;
    private static final int STRUCTURAL = 5;

    private final ForecastHistory history;
    private final ReleaseCalendar calendar;

    /**
     * @param history  fatalities, neighbours, coups and structural tables
     * @param calendar when each month's total is released: the day a forecast is issued
     */
    public ForecastFeatures(ForecastHistory history, ReleaseCalendar calendar) {
        this.history = history;
        this.calendar = calendar;
    }

    /** The first month with twelve months of history: the first a forecast can be issued after. */
    public YearMonth firstIssuable() {
        return history.firstMonth().plusMonths(11);
    }

    /**
     * The latest year of an annual table known on {@code day}: year {@code t} is published by mid {@code t + 1}.
     */
    public static int knownYear(LocalDate day) {
        return day.getMonthValue() >= 7 ? day.getYear() - 1 : day.getYear() - 2;
    }

    /** The features of {@code country} as known on the day {@code month}'s total is released. */
    public double[] at(String country, YearMonth month) {
        LocalDate day = calendar.release(month);
        double[] x = new double[NAMES.size()];
        int sum12 = 0;
        int peak = 0;
        int low = 0;
        for (int back = 0; back < 12; back++) {
            int dead = deaths(country, month.minusMonths(back));
            sum12 += dead;
            peak = Math.max(peak, dead);
            low += dead > 0 && dead < FLOOR ? 1 : 0;
        }
        x[0] = sum12 < FLOOR ? 1 : 0;
        x[1] = Math.log1p(sum12);
        x[2] = Math.log1p(deaths(country, month));
        x[3] = Math.log1p(peak);
        x[4] = Math.log1p(monthsSinceConflict(country, month));
        x[5] = low / 12.0;
        x[6] = Math.log1p(sum(country, month, 0, 3)) - Math.log1p(sum(country, month, 3, 6));

        Set<String> neighbours = history.neighbours(country);
        int neighbourDeaths = 0;
        int atWar = 0;
        for (String n : neighbours) {
            int dead = sum(n, month, 0, 12);
            neighbourDeaths += dead;
            boolean war = false;
            for (int back = 0; back < 12 && !war; back++) {
                war = deaths(n, month.minusMonths(back)) >= FLOOR;
            }
            atWar += war ? 1 : 0;
        }
        x[7] = Math.log1p(neighbourDeaths);
        x[8] = neighbours.isEmpty() ? 0 : (double) atWar / neighbours.size();

        Optional<List<LocalDate>> known = history.coups(country);
        if (known.isPresent()) {
            List<LocalDate> attempts = known.get();
            x[9] = attempts.stream().filter(d -> d.isBefore(day) && !d.isBefore(day.minusYears(5))).count();
            x[10] = attempts.stream().anyMatch(d -> d.isBefore(day) && !d.isBefore(day.minusYears(1))) ? 1 : 0;
        } else {
            x[9] = Double.NaN;
            x[10] = Double.NaN;
        }

        int year = knownYear(day);
        double infants = value(history.structural(StructuralIndicator.INFANT_MORTALITY, country, year));
        double people = value(history.structural(StructuralIndicator.POPULATION, country, year));
        double democracy = value(history.structural(StructuralIndicator.DEMOCRACY, country, year));
        double income = value(history.structural(StructuralIndicator.GDP_PER_CAPITA, country, year));
        double growth = value(history.structural(StructuralIndicator.GDP_GROWTH, country, year));
        x[11] = Math.log(infants);
        x[12] = Math.log(people);
        x[13] = democracy;
        x[14] = 4 * democracy * (1 - democracy);
        x[15] = Math.log(income);
        x[16] = Math.max(-20, Math.min(20, growth));
        int missing = 0;
        for (double v : new double[]{infants, people, democracy, income, growth}) {
            missing += Double.isNaN(v) ? 1 : 0;
        }
        x[17] = (double) missing / STRUCTURAL;
        return x;
    }

    /** Fatalities of a month, zero before the series starts. */
    private int deaths(String country, YearMonth month) {
        return history.deaths(country, month);
    }

    /** Fatalities of the months {@code from..to-1} back from {@code month}. */
    private int sum(String country, YearMonth month, int from, int to) {
        int total = 0;
        for (int back = from; back < to; back++) {
            total += deaths(country, month.minusMonths(back));
        }
        return total;
    }

    /** Whole months since the last month of {@link #FLOOR} or more, up to {@link #MONTHS_SINCE_CAP}. */
    private int monthsSinceConflict(String country, YearMonth month) {
        int back = 0;
        for (YearMonth m = month; !m.isBefore(history.firstMonth()) && back < MONTHS_SINCE_CAP; m = m.minusMonths(1), back++) {
            if (deaths(country, m) >= FLOOR) {
                return back;
            }
        }
        return MONTHS_SINCE_CAP;
    }

    private static double value(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : Double.NaN;
    }
}

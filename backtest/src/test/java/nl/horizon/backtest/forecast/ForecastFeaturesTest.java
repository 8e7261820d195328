package nl.horizon.backtest.forecast;

import nl.horizon.backtest.MonthlySeries;
import nl.horizon.backtest.Onset;
import nl.horizon.streams.forecast.ForecastFeatures;
import nl.horizon.streams.forecast.LandBorders;
import nl.horizon.streams.forecast.ReleaseCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A forecast issued on a month's release day reads nothing dated on or after that day. */
class ForecastFeaturesTest {

    static final ReleaseCalendar CALENDAR = new ReleaseCalendar(30);
    static final YearMonth FIRST = YearMonth.of(2005, 1);
    static final YearMonth LAST = YearMonth.of(2013, 12);

    /** A country (MLI) with a neighbour (NER), steady deaths, a coup, and every annual table filled 2000-2013. */
    static ForecastFeatures features(int laterDeaths, LocalDate laterCoup, double laterAnnual) {
        Map<String, TreeMap<YearMonth, Integer>> byCountry = new TreeMap<>();
        for (String country : List.of("MLI", "NER")) {
            TreeMap<YearMonth, Integer> months = new TreeMap<>();
            for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
                months.put(m, m.isAfter(YearMonth.of(2011, 12)) ? laterDeaths : m.getMonthValue() * 3);
            }
            byCountry.put(country, months);
        }
        MonthlySeries series = new MonthlySeries(byCountry, List.of());
        TreeMap<Integer, Double> years = new TreeMap<>();
        for (int year = 2000; year <= 2013; year++) {
            years.put(year, year > 2010 ? laterAnnual : 10.0 + year - 2000);
        }
        AnnualTable table = new AnnualTable("test", Map.of("MLI", years, "NER", years));
        AnnualTable democracy = new AnnualTable("edi", Map.of("MLI", new TreeMap<>(Map.of(2009, 0.5, 2010, 0.6,
                2011, laterAnnual / 1000))));
        LandBorders borders = new LandBorders(Map.of("MLI", Set.of("NER"), "NER", Set.of("MLI")), Set.of("MLI", "NER"));
        StructuralConditions structure = new StructuralConditions(table, table, table, table, democracy, borders);
        return new ForecastFeatures(ReplayedHistory.of(series, structure, List.of(
                new Onset("MLI", LocalDate.of(2009, 9, 1), "coup"), new Onset("MLI", laterCoup, "coup"))), CALENDAR);
    }

    @Test
    void annualTablesAreKnownFromJulyOfTheNextYear() {
        assertThat(ForecastFeatures.knownYear(LocalDate.of(2012, 3, 31))).isEqualTo(2010);
        assertThat(ForecastFeatures.knownYear(LocalDate.of(2012, 6, 30))).isEqualTo(2010);
        assertThat(ForecastFeatures.knownYear(LocalDate.of(2012, 7, 31))).isEqualTo(2011);
        assertThat(ForecastFeatures.knownYear(LocalDate.of(2012, 12, 31))).isEqualTo(2011);
    }

    @Test
    void noValueDatedOnOrAfterTheReleaseDayIsRead() {
        // December 2011's total is released on 31 December 2011: 2010's annual values are known, 2011's are not
        YearMonth month = YearMonth.of(2011, 12);
        LocalDate issued = CALENDAR.release(month);
        double[] base = features(0, issued, 50).at("MLI", month);
        // fatalities after December 2011, a coup on the day of issue, annual values of 2011 and later
        double[] changedLater = features(5000, issued, 999).at("MLI", month);
        assertThat(changedLater).containsExactly(base);

        // the same changes are read by a forecast issued when they are known
        YearMonth later = YearMonth.of(2013, 8);
        assertThat(features(5000, issued, 999).at("MLI", later)).isNotEqualTo(features(0, issued, 50).at("MLI", later));
    }

    @Test
    void theFeaturesMeanWhatTheirNamesSay() {
        YearMonth month = YearMonth.of(2010, 6);
        double[] x = features(0, LocalDate.of(2012, 1, 1), 50).at("MLI", month);
        Map<String, Double> named = new TreeMap<>();
        for (int j = 0; j < x.length; j++) {
            named.put(ForecastFeatures.NAMES.get(j), x[j]);
        }
        // deaths July 2009..June 2010: 3 x (7..12) + 3 x (1..6) = 234, so no calm year
        assertThat(named.get("conflict.log_deaths_12m")).isCloseTo(Math.log1p(234), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(named.get("conflict.calm_year")).isZero();
        // the last month of 25 or more: December 2009 (36 deaths), six months before June 2010 (18)
        assertThat(named.get("conflict.log_months_since_25")).isCloseTo(Math.log1p(6), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(named.get("neighbours.share_in_conflict")).isEqualTo(1.0);
        assertThat(named.get("coups.attempts_5y")).isEqualTo(1.0);
        assertThat(named.get("coups.within_1y")).isEqualTo(1.0);
        // on 30 June 2010 the latest known year is 2008
        assertThat(named.get("structural.democracy")).isNaN();
        assertThat(named.get("structural.log_population")).isCloseTo(Math.log(18), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(named.get("structural.missing")).isEqualTo(0.2);
    }
}

package nl.horizon.backtest.forecast;

import nl.horizon.backtest.MonthlySeries;
import nl.horizon.backtest.Onset;
import nl.horizon.streams.forecast.ForecastHistory;
import nl.horizon.streams.forecast.StructuralIndicator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The history a back-test replays, as the forecast reads it: fatalities from the monthly series, coups
 * from the labels folder (Powell &amp; Thyne), structural tables and borders from their files.
 *
 * @param series     fatalities per country and month
 * @param structure  the structural tables and borders
 * @param coupDays   ISO3 → days of coup attempts
 * @param firstMonth the first month of the series
 */
public record ReplayedHistory(MonthlySeries series, StructuralConditions structure,
                              Map<String, List<LocalDate>> coupDays, YearMonth firstMonth) implements ForecastHistory {

    /**
     * @param series    fatalities per country and month
     * @param structure the structural tables and borders
     * @param coups     coup attempts (Powell &amp; Thyne), day-exact
     */
    public static ReplayedHistory of(MonthlySeries series, StructuralConditions structure, List<Onset> coups) {
        YearMonth first = series.byCountry().values().stream().filter(m -> !m.isEmpty()).map(m -> m.firstKey())
                .min(YearMonth::compareTo).orElseThrow(() -> new IllegalArgumentException("an empty fatality series"));
        return new ReplayedHistory(series, structure, coups.stream().collect(Collectors.groupingBy(Onset::country,
                Collectors.mapping(Onset::date, Collectors.toList()))), first);
    }

    /**
     * The countries a forecast covers: every country of the series and every sovereign state, so that
     * states that stayed calm are in the sample and a forecast is not fitted only on countries known,
     * with hindsight, to have had violence.
     */
    public Set<String> countries() {
        Set<String> countries = new TreeSet<>(series.byCountry().keySet());
        countries.addAll(structure.borders().independent());
        return countries;
    }

    @Override
    public int deaths(String country, YearMonth month) {
        return series.get(country, month);
    }

    @Override
    public Set<String> neighbours(String country) {
        return structure.borders().of(country);
    }

    @Override
    public Optional<List<LocalDate>> coups(String country) {
        return Optional.of(coupDays.getOrDefault(country, List.of()));
    }

    @Override
    public OptionalDouble structural(StructuralIndicator indicator, String country, int year) {
        return structure.table(indicator).latest(country, year);
    }
}

package nl.horizon.backtest;

import nl.horizon.streams.forecast.ForecastFeatures;
import nl.horizon.streams.forecast.ForecastModel;
import nl.horizon.streams.forecast.ReleaseCalendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A forecast issued month by month over a history: for every country, on the day each month's total is
 * released, the probability of an onset or escalation within the horizon, from what was known that day
 * ({@link ForecastFeatures}). A warning rule turns it into alerts like any other method's, so the
 * forecast is judged by the same scorecard.
 *
 * @param model         the model and its version
 * @param months        the horizon whose probability is kept
 * @param probabilities ISO3 → month of data → probability
 */
public record ForecastRun(ForecastModel model, int months, Map<String, TreeMap<YearMonth, Double>> probabilities) {

    /** Runs {@code model}'s {@code months}-month horizon on every country-month of {@code table}. */
    public static ForecastRun of(ForecastModel model, int months, FeatureTable table) {
        Map<String, TreeMap<YearMonth, Double>> probabilities = new TreeMap<>();
        table.rows().forEach((country, byMonth) -> byMonth.forEach((month, x) -> probabilities
                .computeIfAbsent(country, k -> new TreeMap<>()).put(month, model.probability(x, months))));
        return new ForecastRun(model, months, probabilities);
    }

    /**
     * The warnings of the rule: on the release day of a month whose probability is at least
     * {@code threshold}, unless the country was warned within the {@code cooldownMonths} months before.
     * A warning's strength is its probability.
     */
    public List<Alert> alerts(double threshold, int cooldownMonths, ReleaseCalendar calendar) {
        ForecastModel.AlertRule rule = new ForecastModel.AlertRule(months, threshold, cooldownMonths);
        List<Alert> alerts = new ArrayList<>();
        probabilities.forEach((country, byMonth) -> rule.warnings(byMonth).forEach(month ->
                alerts.add(new Alert(country, calendar.release(month), byMonth.get(month)))));
        return alerts;
    }

    /** The warnings of the model's own rule. */
    public List<Alert> alerts(ReleaseCalendar calendar) {
        return alerts(model.alert().threshold(), model.alert().cooldownMonths(), calendar);
    }

    /**
     * The probability standing on {@code day}: that of the latest month released by then (NaN before the
     * first).
     */
    public double standing(String country, LocalDate day, ReleaseCalendar calendar) {
        TreeMap<YearMonth, Double> byMonth = probabilities.getOrDefault(country, new TreeMap<>());
        for (YearMonth m = YearMonth.from(day); !byMonth.isEmpty() && !m.isBefore(byMonth.firstKey());
             m = m.minusMonths(1)) {
            if (!calendar.release(m).isAfter(day) && byMonth.containsKey(m)) {
                return byMonth.get(m);
            }
        }
        return Double.NaN;
    }
}

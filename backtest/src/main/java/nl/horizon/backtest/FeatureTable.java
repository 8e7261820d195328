package nl.horizon.backtest;

import nl.horizon.backtest.forecast.ReplayedHistory;
import nl.horizon.streams.forecast.ForecastFeatures;
import nl.horizon.streams.forecast.ReleaseCalendar;

import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

/**
 * The leading indicators of every country for every month of a span, computed once: the fit reads them
 * many times (each penalty, each horizon), the back-test once per horizon.
 *
 * @param rows ISO3 → month of data → features ({@link ForecastFeatures#NAMES})
 */
public record FeatureTable(Map<String, TreeMap<YearMonth, double[]>> rows) {

    /** The features of every country of {@code history} for the months {@code from..to}. */
    public static FeatureTable of(ReplayedHistory history, ReleaseCalendar calendar, YearMonth from, YearMonth to) {
        ForecastFeatures features = new ForecastFeatures(history, calendar);
        Map<String, TreeMap<YearMonth, double[]>> rows = new TreeMap<>();
        YearMonth first = from.isBefore(features.firstIssuable()) ? features.firstIssuable() : from;
        for (String country : history.countries()) {
            TreeMap<YearMonth, double[]> byMonth = new TreeMap<>();
            for (YearMonth m = first; !m.isAfter(to); m = m.plusMonths(1)) {
                byMonth.put(m, features.at(country, m));
            }
            rows.put(country, byMonth);
        }
        return new FeatureTable(rows);
    }
}

package nl.horizon.backtest;

import nl.horizon.backtest.forecast.ForecastFeatures;

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

    /** The features of every country of {@code features} for the months {@code from..to}. */
    public static FeatureTable of(ForecastFeatures features, YearMonth from, YearMonth to) {
        Map<String, TreeMap<YearMonth, double[]>> rows = new TreeMap<>();
        YearMonth first = from.isBefore(features.firstIssuable()) ? features.firstIssuable() : from;
        for (String country : features.countries()) {
            TreeMap<YearMonth, double[]> byMonth = new TreeMap<>();
            for (YearMonth m = first; !m.isAfter(to); m = m.plusMonths(1)) {
                byMonth.put(m, features.at(country, m));
            }
            rows.put(country, byMonth);
        }
        return new FeatureTable(rows);
    }
}

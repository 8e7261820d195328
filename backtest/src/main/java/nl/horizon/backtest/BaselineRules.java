package nl.horizon.backtest;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simple rules users know, on the same monthly fatality series the product is tested on. Each
 * raises an alert at the end of a month, when that month's data is complete, as the product does.
 */
public final class BaselineRules {

    private BaselineRules() {
    }

    /**
     * OCHA HDX Signals' conflict rule: the 30-day (here: monthly) fatality total is the highest of the
     * past year (so also of three years), at least 100, and no alert in the 180 days before.
     */
    public static List<Alert> hdxSignals(MonthlySeries series) {
        List<Alert> alerts = new ArrayList<>();
        forEachMonth(series, (country, m, now) -> {
            int max = 0;
            for (int back = 1; back < 12; back++) {
                max = Math.max(max, series.get(country, m.minusMonths(back)));
            }
            return now >= 100 && now > max;
        }, 6, alerts);
        return alerts;
    }

    /**
     * ACLED's surge rule: at least twice the previous period's level (+100% against the recent mean;
     * monthly data has one period for ACLED's four weeks), with a low-baseline guard of 25 deaths.
     */
    public static List<Alert> acledSurge(MonthlySeries series) {
        List<Alert> alerts = new ArrayList<>();
        forEachMonth(series, (country, m, now) -> now >= 25 && now >= 2 * series.get(country, m.minusMonths(1)),
                0, alerts);
        return alerts;
    }

    /** Last-value persistence: violence this month (at least 25 deaths) is a warning for the months ahead. */
    public static List<Alert> persistence(MonthlySeries series) {
        List<Alert> alerts = new ArrayList<>();
        forEachMonth(series, (country, m, now) -> now >= 25, 0, alerts);
        return alerts;
    }

    private interface Rule {
        boolean fires(String country, YearMonth month, int fatalities);
    }

    private static void forEachMonth(MonthlySeries series, Rule rule, int suppressMonths, List<Alert> alerts) {
        for (Map.Entry<String, TreeMap<YearMonth, Integer>> country : series.byCountry().entrySet()) {
            if (country.getValue().isEmpty()) {
                continue;
            }
            YearMonth last = null;
            for (YearMonth m = country.getValue().firstKey(); !m.isAfter(country.getValue().lastKey());
                 m = m.plusMonths(1)) {
                int now = series.get(country.getKey(), m);
                boolean suppressed = last != null && !m.isAfter(last.plusMonths(suppressMonths));
                if (!suppressed && rule.fires(country.getKey(), m, now)) {
                    alerts.add(new Alert(country.getKey(), m.atEndOfMonth(), now));
                    last = m;
                }
            }
        }
    }
}

package nl.horizon.backtest;

import nl.horizon.streams.forecast.ReleaseCalendar;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simple rules users know, on the same monthly fatality series the product is tested on. Each raises
 * an alert on the day a month's total is released ({@link ReleaseCalendar}), the day the product receives
 * it, so no method sees a month earlier than another. A rule's alert has the month's deaths as its
 * strength, the ordering used to thin it to another method's volume.
 */
public final class BaselineRules {

    private final MonthlySeries series;
    private final ReleaseCalendar calendar;

    public BaselineRules(MonthlySeries series, ReleaseCalendar calendar) {
        this.series = series;
        this.calendar = calendar;
    }

    /**
     * OCHA HDX Signals' conflict rule: the 30-day (here: monthly) fatality total is the highest of the
     * past year (so also of three years), at least 100, and no alert in the 180 days before.
     */
    public List<Alert> hdxSignals() {
        return alerts((country, m, now) -> {
            int max = 0;
            for (int back = 1; back < 12; back++) {
                max = Math.max(max, series.get(country, m.minusMonths(back)));
            }
            return now >= 100 && now > max;
        }, 6);
    }

    /**
     * ACLED's surge rule: at least twice the previous period's level (+100% against the recent mean;
     * monthly data has one period for ACLED's four weeks), with a low-baseline guard of 25 deaths.
     */
    public List<Alert> acledSurge() {
        return alerts((country, m, now) -> now >= 25 && now >= 2 * series.get(country, m.minusMonths(1)), 0);
    }

    /** Last-value persistence: violence this month (at least 25 deaths) is a warning for the months ahead. */
    public List<Alert> persistence() {
        return alerts((country, m, now) -> now >= 25, 0);
    }

    /**
     * The ceiling of same-month detection: a rule that fires exactly when the fatality label definition
     * holds ({@link OnsetLabels}). It shows what monthly totals give any rule for free: detecting an onset
     * in the month its deaths are counted is the definition itself, not a warning.
     */
    public List<Alert> labelRule(LabelSet fatalityLabels) {
        return fatalityLabels.onsets().stream().map(o -> new Alert(o.country(), calendar.release(o.month()),
                series.get(o.country(), o.month()))).toList();
    }

    private interface Rule {
        boolean fires(String country, YearMonth month, int fatalities);
    }

    private List<Alert> alerts(Rule rule, int suppressMonths) {
        List<Alert> alerts = new ArrayList<>();
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
                    alerts.add(new Alert(country.getKey(), calendar.release(m), now));
                    last = m;
                }
            }
        }
        return alerts;
    }
}

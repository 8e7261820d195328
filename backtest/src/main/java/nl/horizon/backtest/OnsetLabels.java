package nl.horizon.backtest;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fatality labels, defined here and nowhere else (documented in {@code docs/backtest.md}):
 * <ul>
 *   <li><b>onset</b>: a month with at least {@value #ONSET_FLOOR} deaths after twelve months that together
 *       had fewer than {@value #ONSET_FLOOR}: violence where there was calm;</li>
 *   <li><b>escalation</b>: a month in a higher fatality band ({@code <25, 25–99, 100–999, 1000–9999, ≥10000})
 *       than any of the twelve months before it, and at least the 100–999 band: a step up, not a chronic
 *       war.</li>
 * </ul>
 * Every month that meets a definition is a label. There is no merging into episodes: a merge hid large
 * escalations behind a smaller step months before (a war reaching 1,000 deaths a month counted as the
 * 100 it began with). The definitions themselves keep labels sparse: an onset needs a calm year before it,
 * and an escalation a band no month of the past year reached. Months in the first year of the series have
 * no history and get no label.
 */
public final class OnsetLabels {

    static final int ONSET_FLOOR = 25;
    private static final int[] BANDS = {25, 100, 1000, 10000};

    private OnsetLabels() {
    }

    /** The labels of the whole series; they are covered until its last month. */
    public static LabelSet of(String name, MonthlySeries series) {
        List<Onset> onsets = new ArrayList<>();
        YearMonth last = null;
        for (Map.Entry<String, TreeMap<YearMonth, Integer>> country : series.byCountry().entrySet()) {
            TreeMap<YearMonth, Integer> months = country.getValue();
            if (months.isEmpty()) {
                continue;
            }
            last = last == null || months.lastKey().isAfter(last) ? months.lastKey() : last;
            for (YearMonth m = months.firstKey().plusMonths(12); !m.isAfter(months.lastKey()); m = m.plusMonths(1)) {
                String kind = kind(series, country.getKey(), m);
                if (kind != null) {
                    onsets.add(new Onset(country.getKey(), m.atEndOfMonth(), kind));
                }
            }
        }
        return new LabelSet(name, onsets, last == null ? YearMonth.of(1946, 1) : last);
    }

    /** Which definition {@code month} meets, or {@code null}. */
    private static String kind(MonthlySeries series, String country, YearMonth month) {
        int now = series.get(country, month);
        int before = 0;
        int maxBand = 0;
        for (int back = 1; back <= 12; back++) {
            int value = series.get(country, month.minusMonths(back));
            before += value;
            maxBand = Math.max(maxBand, band(value));
        }
        if (now >= ONSET_FLOOR && before < ONSET_FLOOR) {
            return "onset";
        }
        return band(now) >= 2 && band(now) > maxBand ? "escalation" : null;
    }

    static int band(int fatalities) {
        int band = 0;
        for (int threshold : BANDS) {
            if (fatalities >= threshold) {
                band++;
            }
        }
        return band;
    }
}

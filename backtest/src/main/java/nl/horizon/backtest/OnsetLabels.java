package nl.horizon.backtest;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Onset labels, defined here and nowhere else (documented in {@code docs/backtest.md}):
 * <ul>
 *   <li><b>onset</b>: a month with at least {@value #ONSET_FLOOR} deaths after twelve months that together
 *       had fewer than {@value #ONSET_FLOOR}: violence where there was calm;</li>
 *   <li><b>escalation</b>: a month in a higher fatality band ({@code <25, 25–99, 100–999, ≥1000}) than any
 *       of the twelve months before it, and at least the 100–999 band: a step up, not a chronic war.</li>
 * </ul>
 * A label within {@value #EPISODE_MONTHS} months after an earlier one for the same country belongs to the same
 * episode and is not counted again. Months in the first year of the series have no history and get no label.
 */
public final class OnsetLabels {

    static final int ONSET_FLOOR = 25;
    static final int EPISODE_MONTHS = 6;
    private static final int[] BANDS = {25, 100, 1000};

    private OnsetLabels() {
    }

    public static List<Onset> of(MonthlySeries series) {
        List<Onset> onsets = new ArrayList<>();
        for (Map.Entry<String, TreeMap<YearMonth, Integer>> country : series.byCountry().entrySet()) {
            TreeMap<YearMonth, Integer> months = country.getValue();
            if (months.isEmpty()) {
                continue;
            }
            YearMonth first = months.firstKey();
            YearMonth lastLabel = null;
            for (YearMonth m = first.plusMonths(12); !m.isAfter(months.lastKey()); m = m.plusMonths(1)) {
                int now = series.get(country.getKey(), m);
                int before = 0;
                int maxBand = 0;
                for (int back = 1; back <= 12; back++) {
                    int value = series.get(country.getKey(), m.minusMonths(back));
                    before += value;
                    maxBand = Math.max(maxBand, band(value));
                }
                String kind = null;
                if (now >= ONSET_FLOOR && before < ONSET_FLOOR) {
                    kind = "onset";
                } else if (band(now) >= 2 && band(now) > maxBand) {
                    kind = "escalation";
                }
                if (kind != null && (lastLabel == null || m.isAfter(lastLabel.plusMonths(EPISODE_MONTHS)))) {
                    onsets.add(new Onset(country.getKey(), m.atEndOfMonth(), kind));
                    lastLabel = m;
                }
            }
        }
        return onsets;
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

package nl.horizon.streams.forecast;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The day each month's total is released to every method under test: the month's last day (its count is
 * complete then, never earlier), or later when needed, so that it comes at least one recent window
 * ({@code window.recent.days}) after the previous month's release.
 * <p>
 * Why: the scoring judges the total of a 30-day window. Totals dated at month ends are 28 days apart
 * around February, so the window ending on 28 February would hold January's total as well, and February
 * would be judged on two months. Spaced at least a window apart, each month's total falls in exactly one
 * window. With a 30-day window this moves February's total to 2 March (1 March in leap years), March's to
 * 1 April and April's to 1 May; from May to January every total is released on its month's last day.
 * The baselines and the labels use the same days, so no method sees a month earlier than another.
 *
 * @param recentDays the scoring's recent window, in days
 */
public record ReleaseCalendar(int recentDays) {

    /**
     * The longest window for which every month from May to January is released on its last day again:
     * months average 30.4 days, so a longer window would push releases ever later.
     */
    static final int LONGEST_WINDOW = 30;

    public ReleaseCalendar {
        if (recentDays < 1 || recentDays > LONGEST_WINDOW) {
            throw new IllegalArgumentException("a back-test on monthly totals needs window.recent.days in 1.."
                    + LONGEST_WINDOW + " (one month's total in exactly one window), not " + recentDays);
        }
    }

    /** The day {@code month}'s total is released. */
    public LocalDate release(YearMonth month) {
        // every December total is released on 31 December (the drift is gone by May), so start there
        YearMonth m = YearMonth.of(month.getYear() - 1, 12);
        LocalDate day = m.atEndOfMonth();
        while (m.isBefore(month)) {
            m = m.plusMonths(1);
            LocalDate spaced = day.plusDays(recentDays);
            day = spaced.isAfter(m.atEndOfMonth()) ? spaced : m.atEndOfMonth();
        }
        return day;
    }
}

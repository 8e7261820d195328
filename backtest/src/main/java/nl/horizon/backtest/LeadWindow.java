package nl.horizon.backtest;

import nl.horizon.streams.forecast.ReleaseCalendar;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * When an alert counts for an onset. A <b>warning</b> ({@code first >= 1}) counts only when issued before
 * the onset's month began, in one of the {@code first..last} calendar months before it: an alert from the
 * data of the month before, released on its last day, warns one month ahead. <b>Same-month detection</b>
 * ({@code 0..0}) is an alert issued from the first day of the onset's month until that month's total is
 * released: it tells of an onset as it happens, which monthly totals let any rule do (see the label rule).
 *
 * @param name  for reports
 * @param first fewest whole months ahead
 * @param last  most whole months ahead
 */
public record LeadWindow(String name, int first, int last) {

    public static final LeadWindow SAME_MONTH = new LeadWindow("same month", 0, 0);
    public static final LeadWindow AHEAD_1_3 = new LeadWindow("1-3 months ahead", 1, 3);
    public static final LeadWindow AHEAD_1_6 = new LeadWindow("1-6 months ahead", 1, 6);

    /** The windows every back-test reports, warnings first. */
    public static final List<LeadWindow> ALL = List.of(AHEAD_1_3, AHEAD_1_6, SAME_MONTH);

    public LeadWindow {
        if (first < 0 || last < first || (first == 0 && last != 0)) {
            throw new IllegalArgumentException("a lead window is 0..0 or first..last months ahead with first >= 1, not "
                    + first + ".." + last);
        }
    }

    /** Whether {@code alert} counts for {@code onset} in this window. */
    boolean counts(Alert alert, Onset onset, ReleaseCalendar calendar) {
        if (!alert.country().equals(onset.country())) {
            return false;
        }
        YearMonth month = onset.month();
        LocalDate day = alert.date();
        if (first == 0) {
            return !day.isBefore(month.atDay(1)) && !day.isAfter(calendar.release(month));
        }
        return !day.isBefore(month.minusMonths(last).atDay(1)) && day.isBefore(month.minusMonths(first - 1).atDay(1));
    }

    /**
     * The last onset month {@code alert} could count for: an alert can be judged a false alarm only when
     * the labels cover that month.
     */
    YearMonth lastTarget(Alert alert) {
        return YearMonth.from(alert.date()).plusMonths(last);
    }

    /**
     * The first onset month whose whole window lies on or after {@code from}: earlier onsets could only
     * have been warned by alerts before the evaluation, which do not count.
     */
    YearMonth firstJudged(YearMonth from) {
        return from.plusMonths(last);
    }
}

package nl.horizon.backtest;

import nl.horizon.streams.forecast.ReleaseCalendar;
import java.time.YearMonth;

/**
 * The months a back-test is judged on. The replay starts earlier (the warm-up), so every method, rule or
 * product, has history at the first month judged; only alerts issued and labels dated inside the window
 * count, for every method alike.
 *
 * @param name for reports ("headline", "reference")
 * @param from first month judged
 * @param to   last month judged
 */
public record Evaluation(String name, YearMonth from, YearMonth to) {

    public Evaluation {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("an evaluation window from " + from + " is after its end " + to);
        }
    }

    /** Whether {@code alert} was issued inside the window: from its first day until its last month's release. */
    boolean issued(Alert alert, ReleaseCalendar calendar) {
        return !alert.date().isBefore(from.atDay(1)) && !alert.date().isAfter(calendar.release(to));
    }

    /** The last month labels can be judged in: the window's end or the end of the labels' source. */
    YearMonth judgedUntil(LabelSet labels) {
        return labels.coveredUntil().isBefore(to) ? labels.coveredUntil() : to;
    }

    @Override
    public String toString() {
        return name + " " + from + ".." + to;
    }
}

package nl.horizon.backtest;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A labelled onset: what a warning system should have warned of.
 *
 * @param country ISO3
 * @param date    when it happened (day-exact events: the day; monthly labels: the month's last day)
 * @param kind    which definition labelled it
 */
public record Onset(String country, LocalDate date, String kind) {

    /**
     * The month it is judged in: the input is monthly, so every label, day-exact or not, is judged on
     * whether a warning came before its month began.
     */
    public YearMonth month() {
        return YearMonth.from(date);
    }
}

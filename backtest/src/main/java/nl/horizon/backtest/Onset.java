package nl.horizon.backtest;

import java.time.LocalDate;

/**
 * A labelled onset: what a warning system should have warned of.
 *
 * @param country ISO3
 * @param date    when it happened (for monthly labels, the month's last day, when its data is complete)
 * @param kind    which definition labelled it
 */
public record Onset(String country, LocalDate date, String kind) {
}

package nl.horizon.backtest;

import java.time.LocalDate;

/**
 * An alert raised by a method under test.
 *
 * @param country ISO3
 * @param date    when it was raised
 * @param score   its strength, for matching alert volumes (higher first)
 */
public record Alert(String country, LocalDate date, double score) {
}

package nl.horizon.app.views;

import java.time.LocalDate;
import java.util.List;

/**
 * Every country's line in the meeting's order ({@link CountryLine#MEETING_ORDER}), and the signals that changed
 * something since {@code since}.
 */
public record Overview(LocalDate asOf, LocalDate since, List<CountryLine> countries, List<SignalLine> changes) {
}

package nl.horizon.schema;

import java.time.LocalDate;
import java.time.Year;
import java.util.Objects;

/**
 * One coup attempt as a coup dataset dates it (Powell &amp; Thyne: a day, failed or successful). Value of the
 * compacted {@code horizon.coups.v1}, keyed {@code <source>:<country>:<day>}: a table dropped again
 * replaces its attempts under the same keys, and two attempts in one country on one day are one, as the
 * back-test counts them. The onset forecast reads the days ({@code coups.attempts_5y},
 * {@code coups.within_1y}). Coup datasets are public research data: an attempt carries no classification
 * and counts in every tier.
 *
 * @param country    ISO 3166-1 alpha-3
 * @param day        the day of the attempt
 * @param successful whether the plotters took power (Powell &amp; Thyne's {@code coup} 2) or failed (1)
 * @param source     the table it came from: its file name
 */
public record CoupAttempt(String country, LocalDate day, boolean successful, String source) {

    /**
     * Refuses what no coup table holds, so that a record another producer put on the topic is a dead letter
     * where it is read, not a failure deep in the forecast: a missing field, a day the calendar cannot step
     * back from.
     */
    public CoupAttempt {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(source, "source");
        if (day.getYear() <= Year.MIN_VALUE) {
            throw new IllegalArgumentException("day " + day + " is outside the calendar");
        }
    }

    /** The key of an attempt on {@code horizon.coups.v1}. */
    public String key() {
        return source + ":" + country + ":" + day;
    }
}

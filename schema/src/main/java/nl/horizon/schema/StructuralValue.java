package nl.horizon.schema;

import java.time.Year;
import java.util.Objects;

/**
 * One value of a country-year table (infant mortality, population, GDP, a democracy index) as its
 * publisher ships it. Value of the compacted {@code horizon.structural.v1}, keyed
 * {@code <source>:<indicator>:<country>:<year>}: a table dropped again with corrected values replaces the
 * old ones under the same keys. Structural tables are public statistics: they carry no classification
 * and count in every tier.
 *
 * @param country   the publisher's country code: ISO 3166-1 alpha-3 for states; aggregates (World Bank
 *                  regions, income groups) keep their own codes and are never read as countries
 * @param indicator the publisher's indicator code ({@code SP.DYN.IMRT.IN}) or, for a table without codes,
 *                  the name of its value column ({@code Electoral Democracy Index})
 * @param year      the year the value is for (not the year it was published)
 * @param value     the value
 * @param source    the table it came from: its file name
 */
public record StructuralValue(String country, String indicator, int year, double value, String source) {

    /**
     * Refuses what no table holds, so that a record another producer put on the topic is a dead letter where
     * it is read, not a failure deep in the forecast: a missing field, a year the calendar cannot step past,
     * a value that is no finite number.
     */
    public StructuralValue {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(source, "source");
        if (year <= Year.MIN_VALUE || year >= Year.MAX_VALUE) {
            throw new IllegalArgumentException("year " + year + " is outside the calendar");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value " + value + " is not a finite number");
        }
    }

    /** The key of a value on {@code horizon.structural.v1}. */
    public String key() {
        return source + ":" + indicator + ":" + country + ":" + year;
    }
}

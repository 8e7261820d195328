package nl.horizon.schema;

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

    /** The key of a value on {@code horizon.structural.v1}. */
    public String key() {
        return source + ":" + indicator + ":" + country + ":" + year;
    }
}

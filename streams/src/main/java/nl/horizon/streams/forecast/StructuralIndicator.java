package nl.horizon.streams.forecast;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The country-year conditions the forecast reads, each known by the code its publisher gives it: the
 * World Bank's indicator code in its bulk CSVs, or the value column of an Our World in Data table (which
 * has no code). A structural table on any other indicator is kept but not read by the forecast.
 */
public enum StructuralIndicator {

    /** Infant deaths per 1,000 live births (World Bank). */
    INFANT_MORTALITY(Set.of("SP.DYN.IMRT.IN")),
    /** People (World Bank). */
    POPULATION(Set.of("SP.POP.TOTL")),
    /** GDP per capita, constant 2015 US$ (World Bank, directly or via Our World in Data). */
    GDP_PER_CAPITA(Set.of("NY.GDP.PCAP.KD", "GDP per capita (constant 2015 US$)")),
    /** GDP growth, annual % (World Bank). */
    GDP_GROWTH(Set.of("NY.GDP.MKTP.KD.ZG")),
    /** V-Dem's Electoral Democracy Index, 0..1 (directly or via Our World in Data). */
    DEMOCRACY(Set.of("v2x_polyarchy", "Electoral Democracy Index"));

    private final Set<String> codes;

    StructuralIndicator(Set<String> codes) {
        this.codes = codes;
    }

    /** The indicator a publisher's code stands for, empty when the forecast does not read it. */
    public static Optional<StructuralIndicator> of(String code) {
        return Arrays.stream(values()).filter(i -> i.codes.contains(code)).findFirst();
    }
}

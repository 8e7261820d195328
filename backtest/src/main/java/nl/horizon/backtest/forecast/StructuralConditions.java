package nl.horizon.backtest.forecast;

import nl.horizon.streams.forecast.LandBorders;
import nl.horizon.streams.forecast.StructuralIndicator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The structural tables a forecast reads, from one folder as their publishers ship them (see
 * {@code shared/data/structural/README.md}): World Bank infant mortality, population and GDP growth
 * (bulk CSVs, found by indicator code since the file names carry a download number), GDP per capita
 * (World Bank constant 2015 US$ via Our World in Data, which reaches back before 1990 where the PPP
 * series does not), V-Dem's Electoral Democracy Index (via Our World in Data) and the land borders.
 *
 * @param infantMortality deaths per 1,000 live births
 * @param population      people
 * @param gdpPerCapita    constant 2015 US$
 * @param gdpGrowth       annual %
 * @param democracy       V-Dem Electoral Democracy Index, 0..1
 * @param borders         land neighbours and the sovereign states
 */
public record StructuralConditions(AnnualTable infantMortality, AnnualTable population, AnnualTable gdpPerCapita,
                                   AnnualTable gdpGrowth, AnnualTable democracy, LandBorders borders) {

    public static StructuralConditions read(Path dir) throws IOException {
        return new StructuralConditions(
                AnnualTable.worldBank("infant mortality", worldBankFile(dir, "SP.DYN.IMRT.IN")),
                AnnualTable.worldBank("population", worldBankFile(dir, "SP.POP.TOTL")),
                AnnualTable.owid("GDP per capita", dir.resolve("gdp-per-capita-worldbank-constant-usd__owid.csv"),
                        "GDP per capita (constant 2015 US$)"),
                AnnualTable.worldBank("GDP growth", worldBankFile(dir, "NY.GDP.MKTP.KD.ZG")),
                AnnualTable.owid("electoral democracy", dir.resolve("electoral-democracy-index__vdem_owid.csv"),
                        "Electoral Democracy Index"),
                LandBorders.read(dir.resolve("countries__mledoze.json")));
    }

    /** The table of {@code indicator}. */
    public AnnualTable table(StructuralIndicator indicator) {
        return switch (indicator) {
            case INFANT_MORTALITY -> infantMortality;
            case POPULATION -> population;
            case GDP_PER_CAPITA -> gdpPerCapita;
            case GDP_GROWTH -> gdpGrowth;
            case DEMOCRACY -> democracy;
        };
    }

    private static Path worldBankFile(Path dir, String indicator) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("API_" + indicator + "_DS2"))
                    .sorted().findFirst().orElseThrow(() -> new IllegalArgumentException("no World Bank table "
                            + "API_" + indicator + "_DS2_*.csv in " + dir));
        }
    }
}

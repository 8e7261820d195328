package nl.horizon.backtest.forecast;

import nl.horizon.formats.Rejection;
import nl.horizon.formats.StructuralTable;
import nl.horizon.schema.StructuralValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One country-year indicator (infant mortality, population, GDP, a democracy index), read from the layout
 * its publisher ships, so the product takes such tables as a source and never carries their values in
 * code: the World Bank's bulk CSV (a BOM, four preamble lines, wide year columns) or Our World in Data's
 * grapher CSV (long: {@code Entity, Code, Year, value}). Rows are keyed by the file's country code (ISO3
 * for current states); aggregates and historical units keep their own codes and are simply never asked for.
 *
 * @param name   for reports
 * @param values ISO3 → year → value (missing years absent)
 */
public record AnnualTable(String name, Map<String, TreeMap<Integer, Double>> values) {

    /** The World Bank's bulk-download CSV ({@code API_<indicator>_DS2_en_csv_v2_N.csv}). */
    public static AnnualTable worldBank(String name, Path csv) throws IOException {
        return of(name, csv, StructuralTable.WORLD_BANK, null);
    }

    /** Our World in Data's grapher CSV; {@code column} names the value. */
    public static AnnualTable owid(String name, Path csv, String column) throws IOException {
        return of(name, csv, StructuralTable.OWID, column);
    }

    /** Reads a table as the structural drop folder does ({@link StructuralTable}); any bad row stops the run. */
    private static AnnualTable of(String name, Path csv, StructuralTable layout, String column) throws IOException {
        StructuralTable.Read read;
        try {
            read = layout.read(csv.getFileName().toString(), Files.readString(csv, StandardCharsets.UTF_8));
        } catch (Rejection e) {
            throw new IllegalArgumentException(csv + ": " + e.detail(), e);
        }
        if (!read.rejected().isEmpty()) {
            throw new IllegalArgumentException(csv + ": " + read.rejected().get(0).rejection().detail());
        }
        Map<String, TreeMap<Integer, Double>> values = new TreeMap<>();
        for (StructuralValue v : read.values()) {
            if (column != null && !v.indicator().equals(column)) {
                throw new IllegalArgumentException(csv + " has no column '" + column + "'");
            }
            values.computeIfAbsent(v.country(), k -> new TreeMap<>()).put(v.year(), v.value());
        }
        return new AnnualTable(name, values);
    }

    /**
     * The value of the latest year up to {@code year} that has one: a series that stops (a country not yet
     * re-estimated) carries its last known value forward, never a later one back.
     */
    public OptionalDouble latest(String country, int year) {
        TreeMap<Integer, Double> series = values.get(country);
        Map.Entry<Integer, Double> entry = series == null ? null : series.floorEntry(year);
        return entry == null ? OptionalDouble.empty() : OptionalDouble.of(entry.getValue());
    }

}

package nl.horizon.backtest.forecast;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        String text = Files.readString(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
        int header = text.indexOf("\"Country Name\"");
        if (header < 0) {
            throw new IllegalArgumentException(csv + " is not a World Bank bulk CSV: no \"Country Name\" header");
        }
        Map<String, TreeMap<Integer, Double>> values = new TreeMap<>();
        for (Map<String, String> row : rows(new StringReader(text.substring(header)))) {
            String code = row.get("Country Code");
            row.forEach((column, cell) -> {
                if (column.matches("\\d{4}") && cell != null && !cell.isBlank()) {
                    values.computeIfAbsent(code, k -> new TreeMap<>()).put(Integer.parseInt(column),
                            Double.parseDouble(cell));
                }
            });
        }
        return new AnnualTable(name, values);
    }

    /** Our World in Data's grapher CSV; {@code column} names the value. */
    public static AnnualTable owid(String name, Path csv, String column) throws IOException {
        Map<String, TreeMap<Integer, Double>> values = new TreeMap<>();
        for (Map<String, String> row : rows(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            String cell = row.get(column);
            if (cell == null) {
                throw new IllegalArgumentException(csv + " has no column '" + column + "'");
            }
            String code = row.get("Code");
            if (code != null && !code.isBlank() && !cell.isBlank()) {
                values.computeIfAbsent(code, k -> new TreeMap<>()).put(Integer.parseInt(row.get("Year")),
                        Double.parseDouble(cell));
            }
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

    private static List<Map<String, String>> rows(Reader reader) throws IOException {
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            return it.readAll();
        }
    }
}

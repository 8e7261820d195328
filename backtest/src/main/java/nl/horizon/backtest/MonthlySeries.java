package nl.horizon.backtest;

import nl.horizon.formats.CountryNames;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fatalities per country and month, read from a wide table: {@code month_end} and one column per country
 * (UCDP's country-month series; UCDP's names are mapped to ISO3, e.g. "DR Congo (Zaire)" → COD).
 * Columns that name no country are reported, not guessed.
 *
 * @param byCountry ISO3 → month → fatalities (months without a value are zero)
 * @param unmapped  column names that map to no ISO3 code
 */
public record MonthlySeries(Map<String, TreeMap<YearMonth, Integer>> byCountry, List<String> unmapped) {

    /** Reads the table, keeping months within {@code from..to}. */
    public static MonthlySeries read(Path csv, YearMonth from, YearMonth to) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",", -1);
        String[] codes = new String[header.length];
        List<String> unmapped = new ArrayList<>();
        for (int c = 1; c < header.length; c++) {
            String name = header[c].replace("\"", "").trim();
            codes[c] = CountryNames.standard().alpha3(name).orElse(null);
            if (codes[c] == null && !name.isEmpty()) {
                unmapped.add(header[c]);
            }
        }
        Map<String, TreeMap<YearMonth, Integer>> byCountry = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            YearMonth month = YearMonth.from(java.time.LocalDate.parse(cells[0]));
            if (month.isBefore(from) || month.isAfter(to)) {
                continue;
            }
            for (int c = 1; c < cells.length && c < codes.length; c++) {
                if (codes[c] != null) {
                    int dead = cells[c].isBlank() ? 0 : (int) Math.round(Double.parseDouble(cells[c]));
                    byCountry.computeIfAbsent(codes[c], k -> new TreeMap<>()).merge(month, dead, Integer::sum);
                }
            }
        }
        return new MonthlySeries(byCountry, List.copyOf(unmapped));
    }

    /** Fatalities of a country in a month (zero when absent). */
    public int get(String country, YearMonth month) {
        TreeMap<YearMonth, Integer> series = byCountry.get(country);
        return series == null ? 0 : series.getOrDefault(month, 0);
    }
}

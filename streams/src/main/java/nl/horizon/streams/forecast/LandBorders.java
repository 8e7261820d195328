package nl.horizon.streams.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Land neighbours from mledoze/countries' {@code countries.json} ({@code cca3}, {@code borders},
 * {@code independent}): the back-test reads that file from its structural folder; the streams application
 * reads {@code config/land-borders.csv}, the same three fields cut from it by
 * {@code scripts/land-borders.py} and shipped under the file's licence (ODbL, attributed in the table and
 * the README). Borders are made symmetric (the file lists India under Sri Lanka but not the reverse). They are today's borders: South
 * Sudan's exist before 2011 here, and there is no Yugoslavia or USSR.
 *
 * @param neighbours  ISO3 → land neighbours
 * @param independent the sovereign states ({@code independent: true})
 */
public record LandBorders(Map<String, Set<String>> neighbours, Set<String> independent) {

    public static LandBorders read(Path json) throws IOException {
        Map<String, Set<String>> neighbours = new TreeMap<>();
        Set<String> independent = new TreeSet<>();
        for (JsonNode country : new ObjectMapper().readTree(json.toFile())) {
            String code = country.path("cca3").asText();
            if (country.path("independent").asBoolean(false)) {
                independent.add(code);
            }
            for (JsonNode border : country.path("borders")) {
                neighbours.computeIfAbsent(code, k -> new TreeSet<>()).add(border.asText());
                neighbours.computeIfAbsent(border.asText(), k -> new TreeSet<>()).add(code);
            }
        }
        return new LandBorders(neighbours, independent);
    }

    /**
     * Reads the shipped table: {@code #} comment lines (the attribution), a header
     * {@code country,independent,borders}, then one line per country with its neighbours separated by spaces.
     */
    public static LandBorders readTable(Path csv) throws IOException {
        Map<String, Set<String>> neighbours = new TreeMap<>();
        Set<String> independent = new TreeSet<>();
        boolean header = true;
        for (String line : java.nio.file.Files.readAllLines(csv, java.nio.charset.StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 3 || !cells[0].matches("[A-Z]{3}") && !header) {
                throw new IllegalArgumentException(csv + ": a row is country,independent,borders: '" + line + "'");
            }
            if (header) {
                header = false;
                continue;
            }
            if (Boolean.parseBoolean(cells[1])) {
                independent.add(cells[0]);
            }
            for (String border : cells[2].isBlank() ? new String[0] : cells[2].trim().split(" ")) {
                neighbours.computeIfAbsent(cells[0], k -> new TreeSet<>()).add(border);
                neighbours.computeIfAbsent(border, k -> new TreeSet<>()).add(cells[0]);
            }
        }
        return new LandBorders(neighbours, independent);
    }

    /** The land neighbours of {@code country} (none for an island). */
    public Set<String> of(String country) {
        return neighbours.getOrDefault(country, Set.of());
    }
}

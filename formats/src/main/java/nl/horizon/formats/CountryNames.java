package nl.horizon.formats;

import nl.horizon.schema.Countries;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Country names to ISO 3166-1 alpha-3: the JDK's English, French and Dutch names, then the common and
 * official names of {@code country-names.tsv} (cut from mledoze/countries by {@code scripts/country-names.py}:
 * English, French, Dutch, Portuguese, Spanish, Arabic), then the aliases in {@code country-aliases.tsv}
 * (historical and source-specific spellings, curated; an alias overrides). Matching ignores case, accents,
 * punctuation and a parenthesised part, so "DR Congo (Zaire)" and "Côte d'Ivoire" resolve. Used for structured
 * country fields; finding countries in free text is the normaliser's job, which reads the same names as
 * {@link #names()}.
 */
public final class CountryNames {

    private static final Pattern PARENTHESISED = Pattern.compile("\\s*\\([^)]*\\)");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern MULTI = Pattern.compile("\\s*[/]\\s*|\\s+-\\s+|(?<=[a-z.])-(?=[A-Z])");
    private static final CountryNames STANDARD = new CountryNames();

    private final Map<String, String> byName = new HashMap<>();
    /** The names of the two files as written and the country each line gives, for {@link #names()}. */
    private final Map<String, String> written = new LinkedHashMap<>();

    private CountryNames() {
        for (String alpha2 : Locale.getISOCountries()) {
            Locale country = new Locale("", alpha2); // Locale.of needs Java 19; this module runs on 17
            String alpha3 = country.getISO3Country();
            for (Locale language : List.of(Locale.ENGLISH, Locale.FRENCH, new Locale("nl"))) {
                byName.put(key(country.getDisplayCountry(language)), alpha3);
            }
            byName.put(key(alpha3), alpha3);
        }
        load("country-names.tsv", false);
        load("country-aliases.tsv", true);
    }

    /** The shared gazetteer. */
    public static CountryNames standard() {
        return STANDARD;
    }

    /**
     * The names of both files as written, each with the country it denotes here (the JDK's or an alias's where
     * they disagree with the generated list; a name in Arabic script, which has no key, as its line gives): the
     * spellings the JDK lacks, for finding countries in text.
     */
    public Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        written.forEach((name, code) -> names.put(name, alpha3(name).orElse(code)));
        return names;
    }

    /** The country a name or alpha-3 code denotes, if any. */
    public Optional<String> alpha3(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String code = byName.get(key(name));
        if (code == null) {
            code = byName.get(key(PARENTHESISED.matcher(name).replaceAll("")));
        }
        return Optional.ofNullable(code);
    }

    /**
     * Every country a name denotes: one for a country name, several for a pair such as
     * "Israel/Palestine" or "China-U.S."; empty when any part is not a country (a region such as
     * "South China Sea").
     */
    public List<String> allAlpha3(String name) {
        Optional<String> whole = alpha3(name);
        if (whole.isPresent()) {
            return List.of(whole.get());
        }
        List<String> codes = new ArrayList<>();
        for (String part : MULTI.split(PARENTHESISED.matcher(name).replaceAll(""))) {
            Optional<String> code = alpha3(part);
            if (code.isEmpty()) {
                return List.of();
            }
            if (!codes.contains(code.get())) {
                codes.add(code.get());
            }
        }
        return codes.size() > 1 ? List.copyOf(codes) : List.of();
    }

    /**
     * The country of a place name written from small to large ("Menaka, Gao, Mali"), where the country
     * part may itself hold a comma ("Korea, Republic Of", "Bahamas, The"): the last part, then the last
     * two and three with their order reversed, are tried in turn.
     */
    public Optional<String> alpha3OfPlace(String place) {
        String[] parts = place.split("\\s*,\\s*");
        for (int k = 1; k <= Math.min(3, parts.length); k++) {
            List<String> tail = new ArrayList<>(List.of(parts).subList(parts.length - k, parts.length));
            Optional<String> asWritten = alpha3(String.join(" ", tail));
            if (asWritten.isPresent()) {
                return asWritten;
            }
            java.util.Collections.reverse(tail);
            Optional<String> reordered = alpha3(String.join(" ", tail));
            if (reordered.isPresent()) {
                return reordered;
            }
        }
        return Optional.empty();
    }

    /** Normalises a name for lookup: no accents, lower case, "&" as "and", letters and digits only. */
    static String key(String name) {
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT).replace("&", " and ");
        String k = NON_ALNUM.matcher(plain).replaceAll(" ").trim();
        return k.startsWith("the ") ? k.substring(4) : k;
    }

    /**
     * Reads a file of name<TAB>alpha-3 lines. The generated names do not {@code override} a name the JDK gives
     * (a key ignores accents and punctuation, so a generated name can meet one of the JDK's); a curated alias
     * does.
     */
    private void load(String resource, boolean override) {
        try (InputStream in = CountryNames.class.getResourceAsStream(resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 2 || !Countries.isAlpha3(parts[1].trim())) {
                    throw new IllegalStateException("bad line in " + resource + ": '" + line + "'");
                }
                written.put(parts[0], parts[1].trim());
                String key = key(parts[0]);
                if (key.isEmpty()) {
                    continue;
                }
                if (override) {
                    byName.put(key, parts[1].trim());
                } else {
                    byName.putIfAbsent(key, parts[1].trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

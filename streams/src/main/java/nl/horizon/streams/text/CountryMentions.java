package nl.horizon.streams.text;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import nl.horizon.schema.Countries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the countries a text is about, in Dutch, English and French: the JDK's country names in the three
 * languages, and the capitals, demonyms and major places in {@code config/places.yaml}. Each candidate is
 * scored (a mention in the title counts {@value #TITLE_WEIGHT}, in the body 1); a country is taken when it
 * scores at least half the best, at most {@value #MAX_COUNTRIES} of them. An ambiguous name (listed for
 * two countries) counts half for each, so it is never silently given to one.
 */
public final class CountryMentions {

    static final int TITLE_WEIGHT = 3;
    static final int MAX_COUNTRIES = 3;

    private record Name(Phrase phrase, List<String> countries) {
    }

    /** A scored candidate. */
    public record Candidate(String country, double score) {
    }

    private final Map<String, List<Name>> byFirstWord = new HashMap<>();

    private CountryMentions(Map<String, Set<String>> namesToCountries) {
        namesToCountries.forEach((name, countries) -> {
            Phrase phrase = Phrase.of(name);
            byFirstWord.computeIfAbsent(phrase.words().get(0), w -> new ArrayList<>())
                    .add(new Name(phrase, List.copyOf(new java.util.TreeSet<>(countries))));
        });
        byFirstWord.values().forEach(names -> names.sort(Comparator.comparingInt((Name n) -> -n.phrase().words().size())));
    }

    /** The JDK's names plus the places file; a missing file adds nothing. */
    public static CountryMentions load(Path placesFile) {
        Map<String, Set<String>> names = new LinkedHashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            Locale country = Locale.of("", alpha2);
            for (Locale language : List.of(Locale.ENGLISH, Locale.FRENCH, Locale.of("nl"))) {
                add(names, country.getDisplayCountry(language), country.getISO3Country());
            }
        }
        if (Files.exists(placesFile)) {
            Map<String, List<String>> places;
            try {
                places = new ObjectMapper(new YAMLFactory()).readValue(placesFile.toFile(), new TypeReference<>() { });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + placesFile, e);
            }
            places.forEach((code, list) -> {
                if (!Countries.isAlpha3(code)) {
                    throw new IllegalArgumentException(placesFile + ": '" + code + "' is not an ISO 3166-1 alpha-3 code");
                }
                list.forEach(name -> add(names, name, code));
            });
        }
        return new CountryMentions(names);
    }

    private static void add(Map<String, Set<String>> names, String name, String country) {
        if (!Words.of(name).isEmpty()) {
            names.computeIfAbsent(String.join(" ", Words.of(name)), n -> new java.util.TreeSet<>()).add(country);
        }
    }

    /** Every candidate country with its score, best first (ties by code, so the order is stable). */
    public List<Candidate> candidates(String title, String body) {
        Map<String, Double> scores = new HashMap<>();
        score(Words.of(title), TITLE_WEIGHT, scores);
        score(Words.of(body), 1, scores);
        return scores.entrySet().stream().map(e -> new Candidate(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::country))
                .toList();
    }

    /** The countries the text is about: those scoring at least half the best, at most three. */
    public List<String> resolve(String title, String body) {
        List<Candidate> candidates = candidates(title, body);
        if (candidates.isEmpty()) {
            return List.of();
        }
        double best = candidates.get(0).score();
        return candidates.stream().filter(c -> c.score() >= best / 2).limit(MAX_COUNTRIES).map(Candidate::country)
                .toList();
    }

    private void score(List<String> words, double weight, Map<String, Double> scores) {
        for (int i = 0; i < words.size(); i++) {
            for (Name name : byFirstWord.getOrDefault(words.get(i), List.of())) {
                if (name.phrase().matchesAt(words, i)) {
                    double share = weight / name.countries().size();
                    name.countries().forEach(c -> scores.merge(c, share, Double::sum));
                    i += name.phrase().words().size() - 1;
                    break;
                }
            }
        }
    }
}

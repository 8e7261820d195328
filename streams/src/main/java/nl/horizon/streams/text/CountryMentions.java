package nl.horizon.streams.text;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import nl.horizon.formats.Gazetteer;
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
import java.util.TreeSet;

/**
 * Finds the countries a text is about: the JDK's country names in English, French, Dutch, Portuguese and
 * Spanish, the capitals,
 * demonyms and major places curated in {@code config/places.yaml}, and behind them the provinces, districts
 * and towns of the GeoNames {@link Gazetteer} (a curated or country name always wins over a namesake there).
 * Each mention is evidence: {@value #TITLE_WEIGHT} in the title, 1 in the body, times the name's weight (a
 * province tells more than a town), shared among the countries a name is found in (an ambiguous name is
 * never silently given to one), and the k-th mention of a country counts 1/k, so that a country named
 * once up front is not outvoted by one listed over and over further down. A country is taken when it
 * scores at least half the best, at most {@value #MAX_COUNTRIES} of them, best first (ties: the one named
 * first).
 */
public final class CountryMentions {

    static final int TITLE_WEIGHT = 3;
    static final int MAX_COUNTRIES = 3;
    /** The languages whose country names are known: the lexicons' three, and Portuguese and Spanish news. */
    static final List<Locale> NAME_LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.of("nl"),
            Locale.of("pt"), Locale.of("es"));

    /** A country a name points to, and how much one mention of the name says for it. */
    private record Share(String country, double evidence) {
    }

    private record Name(Phrase phrase, List<Share> shares) {
    }

    /**
     * A scored candidate.
     *
     * @param firstAt   the word where it is first named (title words first, then the body's)
     * @param ambiguous whether some of its evidence came from a name it shares with another country
     */
    public record Candidate(String country, double score, int firstAt, boolean ambiguous) {
    }

    private final Map<String, List<Name>> byFirstWord = new HashMap<>();

    private CountryMentions(Map<String, List<Share>> names) {
        names.forEach((name, shares) -> {
            Phrase phrase = Phrase.of(name);
            byFirstWord.computeIfAbsent(phrase.words().get(0), w -> new ArrayList<>())
                    .add(new Name(phrase, List.copyOf(shares)));
        });
        byFirstWord.values().forEach(list -> list.sort(Comparator.comparingInt((Name n) -> -n.phrase().words().size())
                .thenComparing(n -> String.join(" ", n.phrase().words()))));
    }

    /** The JDK's names plus the places file (a missing file adds nothing) plus the gazetteer. */
    public static CountryMentions load(Path placesFile) {
        Map<String, Set<String>> curated = new LinkedHashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            Locale country = Locale.of("", alpha2);
            for (Locale language : NAME_LANGUAGES) {
                add(curated, country.getDisplayCountry(language), country.getISO3Country());
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
                list.forEach(name -> add(curated, name, code));
            });
        }
        Map<String, List<Share>> names = new HashMap<>();
        curated.forEach((name, countries) -> names.put(name,
                countries.stream().map(c -> new Share(c, 1.0 / countries.size())).toList()));
        Gazetteer.standard().names().forEach((name, places) -> {
            String key = String.join(" ", Words.of(name));
            if (!key.isEmpty() && !names.containsKey(key)) {
                names.put(key, places.stream().map(p -> new Share(p.country(), p.kind().weight() / places.size()))
                        .toList());
            }
        });
        return new CountryMentions(names);
    }

    private static void add(Map<String, Set<String>> names, String name, String country) {
        if (!Words.of(name).isEmpty()) {
            names.computeIfAbsent(String.join(" ", Words.of(name)), n -> new TreeSet<>()).add(country);
        }
    }

    /** Every candidate country, best first (ties: the one named first, then by code, so the order is stable). */
    public List<Candidate> candidates(String title, String body) {
        Map<String, Evidence> found = new HashMap<>();
        List<String> titleWords = Words.of(title);
        score(titleWords, 0, TITLE_WEIGHT, found);
        score(Words.of(body), titleWords.size(), 1, found);
        return found.entrySet().stream()
                .map(e -> new Candidate(e.getKey(), e.getValue().score, e.getValue().firstAt, e.getValue().ambiguous))
                .sorted(Comparator.comparingDouble(Candidate::score).reversed()
                        .thenComparingInt(Candidate::firstAt).thenComparing(Candidate::country))
                .toList();
    }

    /** The countries the text is about: those scoring at least half the best, at most three, best first. */
    public List<String> resolve(String title, String body) {
        List<Candidate> candidates = candidates(title, body);
        if (candidates.isEmpty()) {
            return List.of();
        }
        double best = candidates.get(0).score();
        return candidates.stream().filter(c -> c.score() >= best / 2).limit(MAX_COUNTRIES).map(Candidate::country)
                .toList();
    }

    private static final class Evidence {
        double score;
        int mentions;
        int firstAt;
        boolean ambiguous;
    }

    private void score(List<String> words, int offset, double weight, Map<String, Evidence> found) {
        for (int i = 0; i < words.size(); i++) {
            for (Name name : byFirstWord.getOrDefault(words.get(i), List.of())) {
                int end = name.phrase().endAt(words, i);
                if (end >= 0) {
                    for (Share share : name.shares()) {
                        Evidence e = found.computeIfAbsent(share.country(), c -> new Evidence());
                        if (e.mentions++ == 0) {
                            e.firstAt = offset + i;
                        }
                        e.score += weight * share.evidence() / e.mentions;
                        e.ambiguous |= name.shares().size() > 1;
                    }
                    i = end - 1;
                    break;
                }
            }
        }
    }
}

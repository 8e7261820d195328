package nl.horizon.streams.text;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import nl.horizon.formats.CountryNames;
import nl.horizon.formats.Gazetteer;
import nl.horizon.schema.Countries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the countries a text is about: the JDK's country names in English, French, Dutch, Portuguese, Spanish
 * and Arabic, the capitals and major places curated in {@code config/places.yaml}, the demonyms of
 * {@code config/demonyms.yaml}, the official names and spellings of {@link CountryNames}, and behind them the
 * provinces, districts and towns of the GeoNames {@link Gazetteer} (a curated or country name always wins over a
 * namesake there). Each mention is evidence:
 * {@value #TITLE_WEIGHT} in the title, 1 in the body, times the name's weight (a province tells more than a
 * town, a demonym, which names whom and not where, {@value #DEMONYM_WEIGHT}), shared among the countries a
 * name is found in (an ambiguous name is
 * never silently given to one), and the k-th mention of a country counts 1/k, so that a country named
 * once up front is not outvoted by one listed over and over further down. A country is taken when it
 * scores at least half the best, at most {@value #MAX_COUNTRIES} of them, best first (ties: the one named
 * first).
 */
public final class CountryMentions {

    static final int TITLE_WEIGHT = 3;
    static final int MAX_COUNTRIES = 3;
    /**
     * How much a demonym says next to a place name: "a Haitian national wounded by a Dominican soldier in
     * Dajabón" happened in the Dominican Republic. Half, as much as a town of the gazetteer.
     */
    static final double DEMONYM_WEIGHT = 0.5;
    /**
     * The fewest letters a one-word name from {@link CountryNames} needs to be read in text: those names were
     * written for structured fields, where "US" is the United States; in text, lower-cased, it is also "us".
     * "U.S." is two words and is read.
     */
    static final int MIN_ONE_WORD_LETTERS = 3;
    /**
     * The languages whose country names are known: the lexicons' three, Portuguese and Spanish news, and
     * Arabic (country names only: no lexicon, no gazetteer names, no demonyms in Arabic).
     */
    static final List<Locale> NAME_LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.of("nl"),
            Locale.of("pt"), Locale.of("es"), Locale.of("ar"));

    /** A country a name points to, and how much one mention of the name says for it. */
    private record Share(String country, double evidence) {
    }

    /**
     * The names that go on from the words read so far: a trie over whole words, so that a text word is looked
     * up once among the names that can start with it, and the longest name wins by walking on, not by trying
     * each name that starts there (a common first word such as "north" or "san" starts hundreds of them).
     * Written only while the names are loaded.
     */
    private static final class Node {
        /** The names' next words. */
        final Map<String, Node> next = new HashMap<>();
        /** Where the words read so far are a whole name, the countries it points to; else null. */
        List<Share> shares;
    }

    /**
     * A scored candidate.
     *
     * @param firstAt   the word where it is first named (title words first, then the body's)
     * @param ambiguous whether some of its evidence came from a name it shares with another country
     */
    public record Candidate(String country, double score, int firstAt, boolean ambiguous) {
    }

    /** The names, by their first word. */
    private final Node names = new Node();
    /** Every word of every name, which an Arabic word with a clitic in front is read as ({@link Words#arabicBase}). */
    private final Set<String> nameWords = new HashSet<>();

    private CountryMentions(Map<String, List<Share>> names) {
        names.forEach((name, shares) -> {
            List<String> words = Words.of(name);
            nameWords.addAll(words);
            Node node = this.names;
            for (String word : words) {
                node = node.next.computeIfAbsent(word, w -> new Node());
            }
            node.shares = List.copyOf(shares);
        });
    }

    /** The places and demonyms in {@code configDir} ({@code places.yaml}, {@code demonyms.yaml}). */
    public static CountryMentions load(Path configDir) {
        if (!Files.isDirectory(configDir)) {
            throw new IllegalArgumentException(configDir + " is not a folder with places.yaml and demonyms.yaml");
        }
        return load(configDir.resolve("places.yaml"), configDir.resolve("demonyms.yaml"));
    }

    /**
     * The JDK's names plus the places and demonyms files, then the {@link CountryNames} the JDK lacks, then the
     * gazetteer. A name that is both a place and a demonym counts as a place. The country names (official
     * names and spellings: "Democratic Republic of the Congo", "Bosnia and Herzegovina", "Palestine", the
     * aliases that structured fields are read with) add only names not known before them, so that a name the JDK
     * or places.yaml gives another meaning, or shares between countries ("Congo"), keeps it, and a name of one
     * word only with at least {@value #MIN_ONE_WORD_LETTERS} letters. A missing file is an error: a configuration
     * folder copied from before the demonyms had their own file would otherwise lose every demonym without a
     * word.
     */
    private static CountryMentions load(Path placesFile, Path demonymsFile) {
        Map<String, Map<String, Double>> curated = new LinkedHashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            Locale country = Locale.of("", alpha2);
            for (Locale language : NAME_LANGUAGES) {
                add(curated, country.getDisplayCountry(language), country.getISO3Country(), 1.0);
            }
        }
        readCurated(placesFile, 1.0, curated);
        readCurated(demonymsFile, DEMONYM_WEIGHT, curated);
        Set<String> known = Set.copyOf(curated.keySet());
        CountryNames.standard().names().forEach((name, code) -> {
            List<String> words = Words.of(name);
            boolean readable = words.size() > 1
                    || words.size() == 1 && words.getFirst().length() >= MIN_ONE_WORD_LETTERS;
            if (readable && !known.contains(String.join(" ", words))) {
                add(curated, name, code, 1.0);
            }
        });
        Map<String, List<Share>> names = new HashMap<>();
        curated.forEach((name, countries) -> names.put(name, countries.entrySet().stream()
                .map(c -> new Share(c.getKey(), c.getValue() / countries.size())).toList()));
        Gazetteer.standard().names().forEach((name, places) -> {
            String key = String.join(" ", Words.of(name));
            if (!key.isEmpty() && !names.containsKey(key)) {
                names.put(key, places.stream().map(p -> new Share(p.country(), p.kind().weight() / places.size()))
                        .toList());
            }
        });
        return new CountryMentions(names);
    }

    /** Adds the names of a file of ISO 3166-1 alpha-3 code -> names, each mention worth {@code weight}. */
    private static void readCurated(Path file, double weight, Map<String, Map<String, Double>> curated) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("cannot read " + file + ": no such file (the places and demonyms of "
                    + "country resolution; see config/ in Horizon's repository)");
        }
        Map<String, List<String>> byCountry;
        try {
            byCountry = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        byCountry.forEach((code, list) -> {
            if (!Countries.isAlpha3(code)) {
                throw new IllegalArgumentException(file + ": '" + code + "' is not an ISO 3166-1 alpha-3 code");
            }
            list.forEach(name -> add(curated, name, code, weight));
        });
    }

    private static void add(Map<String, Map<String, Double>> names, String name, String country, double weight) {
        if (!Words.of(name).isEmpty()) {
            names.computeIfAbsent(String.join(" ", Words.of(name)), n -> new TreeMap<>()).merge(country, weight, Math::max);
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

    private void score(List<String> text, int offset, double weight, Map<String, Evidence> found) {
        List<String> words = anyArabic(text)
                ? text.stream().map(w -> Words.arabicBase(w, nameWords::contains)).toList() : text;
        int i = 0;
        while (i < words.size()) {
            int end = i;
            List<Share> shares = null;
            Node node = names.next.get(words.get(i));
            for (int at = i + 1; node != null; at++) {
                if (node.shares != null) {
                    end = at;
                    shares = node.shares;
                }
                node = at < words.size() ? node.next.get(words.get(at)) : null;
            }
            if (shares == null) {
                i++;
                continue;
            }
            for (Share share : shares) {
                Evidence e = found.computeIfAbsent(share.country(), c -> new Evidence());
                if (e.mentions++ == 0) {
                    e.firstAt = offset + i;
                }
                e.score += weight * share.evidence() / e.mentions;
                e.ambiguous |= shares.size() > 1;
            }
            i = end;
        }
    }

    private static boolean anyArabic(List<String> words) {
        for (String word : words) {
            if (Words.isArabic(word)) {
                return true;
            }
        }
        return false;
    }
}

package nl.horizon.streams.scoring;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import nl.horizon.streams.text.Phrase;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The indicator taxonomy from {@code config/taxonomy.yaml}, checked at start: an error names the
 * indicator and the field.
 */
public final class Taxonomy {

    private static final Pattern ID = Pattern.compile("[a-z]+(\\.[a-z][a-z-]*)+");
    /** The languages a lexicon may be written in. */
    static final Set<String> LANGUAGES = Set.of("en", "fr", "nl", "pt", "es");

    record Entry(String id, Double weight, Double floor, String value, Map<String, List<String>> terms,
                 List<String> events, List<String> marks, List<String> except, List<String> yields,
                 String direction) {
    }

    record QualifierEntry(Integer window, Map<String, List<String>> cues, Map<String, List<String>> idioms) {
    }

    record File(QualifierEntry qualifiers, List<Entry> indicators) {
    }

    private final List<Indicator> indicators;
    private final Qualifiers qualifiers;
    private final Map<String, Indicator> byId = new LinkedHashMap<>();

    private Taxonomy(List<Indicator> indicators, Qualifiers qualifiers) {
        this.indicators = List.copyOf(indicators);
        this.qualifiers = qualifiers;
        indicators.forEach(i -> byId.put(i.id(), i));
    }

    /**
     * Reads and checks the taxonomy.
     *
     * @throws IllegalArgumentException naming the file, the indicator and the bad field
     */
    public static Taxonomy load(Path file) {
        File parsed;
        try {
            parsed = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile(), File.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (parsed == null || parsed.indicators() == null || parsed.indicators().isEmpty()) {
            throw new IllegalArgumentException(file + ": no indicators");
        }
        List<Indicator> indicators = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Entry entry : parsed.indicators()) {
            String where = file + ", indicator '" + entry.id() + "'";
            if (entry.id() == null || !ID.matcher(entry.id()).matches() || !ids.add(entry.id())) {
                throw new IllegalArgumentException(where + ": id must be unique and look like domain.name");
            }
            double weight = required(where, "weight", entry.weight());
            double floor = required(where, "floor", entry.floor());
            if (weight < 0 || weight > 1) {
                throw new IllegalArgumentException(where + ": weight " + weight + " is not within 0..1");
            }
            if (floor < 0) {
                throw new IllegalArgumentException(where + ": floor " + floor + " is negative");
            }
            if (entry.value() != null && !entry.value().equals("fatalities")) {
                throw new IllegalArgumentException(where + ": value '" + entry.value() + "' is not 'fatalities'");
            }
            Direction direction;
            try {
                direction = entry.direction() == null ? Direction.ESCALATION : Direction.parse(entry.direction());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            if (direction == Direction.DE_ESCALATION && entry.value() != null) {
                throw new IllegalArgumentException(where + ": a de-escalation indicator counts reports, not '"
                        + entry.value() + "'");
            }
            Map<String, List<Phrase>> terms = lexicons(where, entry.terms());
            indicators.add(new Indicator(entry.id(), weight, floor, "fatalities".equals(entry.value()), terms,
                    set(entry.events()), set(entry.marks()), set(entry.except()), set(entry.yields()), direction));
        }
        for (Indicator indicator : indicators) {
            for (String other : indicator.yields()) {
                if (!ids.contains(other) || other.equals(indicator.id())) {
                    throw new IllegalArgumentException(file + ", indicator '" + indicator.id() + "': yields to '"
                            + other + "', which is no other indicator");
                }
            }
        }
        Qualifiers qualifiers = parsed.qualifiers() == null ? Qualifiers.NONE
                : new Qualifiers(parsed.qualifiers().window() == null ? 0 : parsed.qualifiers().window(),
                        lexicons(file + ", qualifiers", parsed.qualifiers().cues()),
                        lexicons(file + ", idioms", parsed.qualifiers().idioms()));
        if (qualifiers.window() < 0) {
            throw new IllegalArgumentException(file + ", qualifiers: window " + qualifiers.window() + " is negative");
        }
        return new Taxonomy(indicators, qualifiers);
    }

    private static Set<String> set(List<String> names) {
        return names == null ? Set.of() : Set.copyOf(names);
    }

    /** Terms per language, each parsed as a phrase; an error names where and the bad term or language. */
    private static Map<String, List<Phrase>> lexicons(String where, Map<String, List<String>> byLanguage) {
        Map<String, List<Phrase>> lexicons = new LinkedHashMap<>();
        if (byLanguage == null) {
            return lexicons;
        }
        for (Map.Entry<String, List<String>> language : byLanguage.entrySet()) {
            if (!LANGUAGES.contains(language.getKey())) {
                throw new IllegalArgumentException(where + ": language '" + language.getKey()
                        + "' is not one of " + LANGUAGES);
            }
            List<Phrase> phrases = new ArrayList<>();
            for (String term : language.getValue()) {
                try {
                    phrases.add(Phrase.of(term));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
            }
            lexicons.put(language.getKey(), List.copyOf(phrases));
        }
        return lexicons;
    }

    private static double required(String where, String field, Double value) {
        if (value == null) {
            throw new IllegalArgumentException(where + ": '" + field + "' is missing");
        }
        return value;
    }

    public List<Indicator> indicators() {
        return indicators;
    }

    /** The negation and hedging cues that stop a term from counting. */
    public Qualifiers qualifiers() {
        return qualifiers;
    }

    public Optional<Indicator> indicator(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}

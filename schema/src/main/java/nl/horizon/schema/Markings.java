package nl.horizon.schema;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The marking vocabulary of {@code config/classification.yaml}: the names a post may write for each level
 * of the {@link Classification} ladder, the levels this deployment accepts, the dissemination caveats and
 * the markings refused with a reason. Reads a written marking into a {@link Marking}.
 *
 * <p>A marking is read as words (case, accents and punctuation ignored), each time taking the longest
 * name that matches, so {@code SECRET//NOFORN}, {@code CONFIDENTIAL NODIS}, {@code Stg. GEHEIM} and
 * {@code UNCLASSIFIED//FOR OFFICIAL USE ONLY} all read. Several levels read as the highest: a control
 * marking such as FOUO raises an unclassified text to Dep.V., and nothing is ever read lower than written.
 * A word that is no name, a refused marking or a level not accepted refuses the whole marking, with the
 * reason: guessing at a marking is how a secret becomes public.
 */
public final class Markings {

    private static final Pattern CAVEAT = Pattern.compile("[A-Z][A-Z0-9-]{0,31}");
    private static final Pattern NOT_WORD = Pattern.compile("[^A-Z0-9]+");
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");

    record LevelEntry(String level, String means, List<String> markings) {
    }

    record CaveatEntry(String caveat, String means, List<String> markings) {
    }

    record RefusedEntry(String marking, String reason) {
    }

    record File(List<LevelEntry> levels, List<String> accepted, List<CaveatEntry> caveats,
                List<RefusedEntry> refused) {
    }

    /** What a run of words names: a level, a caveat, or a refusal. */
    private sealed interface Name {
        record Level(Classification level) implements Name {
        }

        record Caveat(String name) implements Name {
        }

        record Refused(String reason) implements Name {
        }
    }

    private final Map<String, Name> names = new HashMap<>();
    private final Set<Classification> accepted = EnumSet.noneOf(Classification.class);
    private final TreeSet<String> caveats = new TreeSet<>();
    private int longest = 1;

    private Markings(File file, String where) {
        List<Classification> ladder = new ArrayList<>();
        for (LevelEntry entry : listed(file.levels(), where, "levels")) {
            Classification level = parsed(entry.level(), where + ", levels");
            ladder.add(level);
            for (String marking : listed(entry.markings(), where + ", level " + level.label(), "markings")) {
                add(marking, new Name.Level(level), where);
            }
        }
        if (!ladder.equals(List.of(Classification.values()))) {
            throw new IllegalArgumentException(where + ": levels must list " + Arrays.stream(Classification.values())
                    .map(Classification::label).toList() + ", lowest first, each once; found "
                    + ladder.stream().map(Classification::label).toList());
        }
        for (String level : listed(file.accepted(), where, "accepted")) {
            accepted.add(parsed(level, where + ", accepted"));
        }
        for (CaveatEntry entry : file.caveats() == null ? List.<CaveatEntry>of() : file.caveats()) {
            if (entry.caveat() == null || !CAVEAT.matcher(entry.caveat()).matches() || !caveats.add(entry.caveat())) {
                throw new IllegalArgumentException(where + ", caveat '" + entry.caveat()
                        + "': a caveat is an upper-case name (letters, digits, '-'), each once");
            }
            add(entry.caveat(), new Name.Caveat(entry.caveat()), where);
            for (String marking : entry.markings() == null ? List.<String>of() : entry.markings()) {
                add(marking, new Name.Caveat(entry.caveat()), where);
            }
        }
        for (RefusedEntry entry : file.refused() == null ? List.<RefusedEntry>of() : file.refused()) {
            if (entry.reason() == null || entry.reason().isBlank()) {
                throw new IllegalArgumentException(where + ", refused '" + entry.marking() + "': a reason is required");
            }
            add(entry.marking(), new Name.Refused(entry.reason().strip()), where);
        }
    }

    /** The vocabulary Horizon ships: {@code config/classification.yaml} as built into the jar. */
    public static Markings standard() {
        try (InputStream in = Markings.class.getResourceAsStream("classification.yaml")) {
            if (in == null) {
                throw new IllegalStateException("classification.yaml is missing from the schema jar");
            }
            return new Markings(yaml().readValue(in, File.class), "classification.yaml (built in)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and checks a vocabulary file.
     *
     * @throws IllegalArgumentException naming the file and the bad entry
     */
    public static Markings load(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(path + ": no such file");
        }
        try {
            return new Markings(yaml().readValue(path.toFile(), File.class), path.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Reads a written marking.
     *
     * @throws IllegalArgumentException saying why it is refused: a word that names nothing, a refused
     *                                  marking (with the configured reason), no level, a level not accepted
     */
    public Marking read(String written) {
        if (written == null || written.isBlank()) {
            throw new IllegalArgumentException("the marking is missing");
        }
        Named named = named(names(written));
        if (named.refused() != null) {
            throw new IllegalArgumentException("'" + Reasons.quote(written) + "' is refused: "
                    + named.refused().reason());
        }
        Classification level = named.level();
        if (level == null) {
            throw new IllegalArgumentException("'" + Reasons.quote(written) + "' names no classification level; "
                    + "write one of the levels of config/classification.yaml, e.g. 'Stg. Geheim' or 'SECRET'");
        }
        if (!accepted.contains(level)) {
            throw new IllegalArgumentException("'" + Reasons.quote(written) + "' is " + level.label()
                    + ", which this Horizon does not accept (accepted: " + accepted.stream().map(Classification::label)
                    .toList() + "); keep it out of Horizon");
        }
        return new Marking(level, named.caveats());
    }

    /** What a marking's names add up to: the highest level (null for none), the caveats, a refused name. */
    private record Named(Classification level, List<String> caveats, Name.Refused refused) {
    }

    private static Named named(List<Name> names) {
        Classification level = null;
        TreeSet<String> caveats = new TreeSet<>();
        Name.Refused refused = null;
        for (Name name : names) {
            if (name instanceof Name.Level l) {
                level = level == null ? l.level() : level.max(l.level());
            } else if (name instanceof Name.Caveat c) {
                caveats.add(c.name());
            } else {
                refused = (Name.Refused) name;
            }
        }
        return new Named(level, List.copyOf(caveats), refused);
    }

    /**
     * What a marking claims, for keeping refused input as sensitive as it said it was: the marking as read
     * when every word names something (even a refused marking or a level not accepted), else
     * {@link #undetermined()}. Never throws.
     */
    public Marking claimed(String written) {
        if (written == null || written.isBlank()) {
            return undetermined();
        }
        try {
            Named named = named(names(written));
            return named.level() == null ? undetermined() : new Marking(named.level(), named.caveats());
        } catch (IllegalArgumentException unknownWord) {
            return undetermined();
        }
    }

    /** The marking of something whose marking could not be read: the top level and every caveat. */
    public Marking undetermined() {
        return new Marking(Classification.top(), List.copyOf(caveats));
    }

    /** Every caveat of the vocabulary, sorted. */
    public Set<String> caveats() {
        return Collections.unmodifiableSortedSet(caveats);
    }

    /**
     * A caveat held by a reader (accounts file, token claim), by its name or one of its markings.
     *
     * @throws IllegalArgumentException naming the value and the known caveats
     */
    public String caveat(String value) {
        Name name = value == null ? null : names.get(normalised(value));
        if (name instanceof Name.Caveat c) {
            return c.name();
        }
        throw new IllegalArgumentException("unknown caveat '" + value + "'; known: " + caveats);
    }

    /** The names a marking is made of, left to right; stops after a refused one. */
    private List<Name> names(String written) {
        String[] words = normalised(written).split(" ");
        List<Name> found = new ArrayList<>();
        for (int i = 0; i < words.length; ) {
            int matched = 0;
            for (int n = Math.min(longest, words.length - i); n > 0 && matched == 0; n--) {
                Name name = names.get(String.join(" ", Arrays.copyOfRange(words, i, i + n)));
                if (name != null) {
                    found.add(name);
                    matched = n;
                }
            }
            if (matched > 0 && found.get(found.size() - 1) instanceof Name.Refused) {
                return found; // what follows is the refused marking's own argument ("REL TO USA, NLD")
            }
            if (matched == 0) {
                throw new IllegalArgumentException("'" + Reasons.quote(written) + "': '" + Reasons.quote(words[i])
                        + "' is no classification level or caveat of config/classification.yaml");
            }
            i += matched;
        }
        return found;
    }

    private void add(String marking, Name name, String where) {
        String key = normalised(marking == null ? "" : marking);
        if (key.isEmpty()) {
            throw new IllegalArgumentException(where + ": an empty marking");
        }
        Name before = names.putIfAbsent(key, name);
        if (before != null && !before.equals(name)) {
            throw new IllegalArgumentException(where + ": '" + marking + "' is listed twice with different meanings");
        }
        longest = Math.max(longest, key.split(" ").length);
    }

    /** Upper case, accents and punctuation dropped, words separated by single spaces. */
    static String normalised(String marking) {
        String plain = ACCENTS.matcher(Normalizer.normalize(marking, Normalizer.Form.NFD)).replaceAll("");
        return NOT_WORD.matcher(plain.toUpperCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static <T> List<T> listed(List<T> list, String where, String key) {
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException(where + ": '" + key + "' must list at least one entry");
        }
        return list;
    }

    private static Classification parsed(String level, String where) {
        try {
            return Classification.parse(level);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }
}

package nl.horizon.index;

import nl.horizon.schema.Classification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Documents that are visible to exactly the same readers: one classification and one set of
 * dissemination caveats. Each compartment is an index of its own ({@link IndexPartition}), so that what a
 * reader may not see never enters the statistics of what they search.
 *
 * @param level   the classification
 * @param caveats the caveats, sorted; empty for documents every reader of the level may see
 */
record Compartment(Classification level, List<String> caveats) implements Comparable<Compartment> {

    private static final Pattern CAVEAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,31}");
    private static final String JOIN = "+";

    Compartment {
        TreeSet<String> sorted = new TreeSet<>(caveats);
        for (String caveat : sorted) {
            if (!CAVEAT.matcher(caveat).matches()) {
                throw new IllegalArgumentException("caveat '" + caveat + "' is not a caveat name (A-Z, 0-9, '-')");
            }
        }
        caveats = List.copyOf(sorted);
    }

    /** The documents of a level that carry no caveat. */
    static Compartment of(Classification level) {
        return new Compartment(level, List.of());
    }

    static Compartment of(Classification level, Collection<String> caveats) {
        return new Compartment(level, new ArrayList<>(caveats));
    }

    /** Whether a reader with this clearance, holding these caveats, may see every document in it. */
    boolean visibleTo(Classification clearance, Set<String> held) {
        return level.visibleTo(clearance) && held.containsAll(caveats);
    }

    /** The folder of its index: the level's label, then {@code +CAVEAT} for each caveat. */
    String folder() {
        return level.label() + (caveats.isEmpty() ? "" : JOIN + String.join(JOIN, caveats));
    }

    /** The compartment a folder holds, if it is one. */
    static Optional<Compartment> ofFolder(String folder) {
        String[] parts = folder.split(Pattern.quote(JOIN), -1);
        try {
            Classification level = Classification.parse(parts[0]);
            List<String> caveats = List.of(parts).subList(1, parts.length);
            Compartment compartment = new Compartment(level, caveats);
            return compartment.folder().equals(folder) ? Optional.of(compartment) : Optional.empty();
        } catch (IllegalArgumentException notACompartment) {
            return Optional.empty();
        }
    }

    @Override
    public int compareTo(Compartment other) {
        return folder().compareTo(other.folder());
    }
}

package nl.horizon.schema;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a document's marking says: its classification level and its dissemination caveats (need-to-know
 * labels such as {@code NODIS} or {@code NOFORN}, canonical names from {@link Markings}). A reader sees
 * the document only when cleared for its level <em>and</em> holding every one of its caveats.
 *
 * @param classification the level
 * @param caveats        canonical caveat names, sorted, without repeats; empty for none
 */
public record Marking(Classification classification, List<String> caveats) {

    public Marking {
        Objects.requireNonNull(classification, "classification");
        caveats = caveats == null ? List.of() : List.copyOf(new TreeSet<>(caveats));
    }

    /** A level without caveats. */
    public static Marking of(Classification classification) {
        return new Marking(classification, List.of());
    }

    /** Whether a reader with this clearance holding these caveats may see it. */
    public boolean visibleTo(Classification clearance, Collection<String> held) {
        return classification.visibleTo(clearance) && held.containsAll(caveats);
    }

    /** The stricter of the two: the higher level and the caveats of both. */
    public Marking max(Marking other) {
        TreeSet<String> all = new TreeSet<>(caveats);
        all.addAll(other.caveats);
        return new Marking(classification.max(other.classification), List.copyOf(all));
    }

    /**
     * A name for the marking that is safe in a file name: the level's wire name and each caveat after a
     * {@code +} ({@code secret}, {@code secret+NODIS+NOFORN}).
     */
    public String label() {
        StringBuilder label = new StringBuilder(classification.label());
        caveats.forEach(c -> label.append('+').append(c));
        return label.toString();
    }
}

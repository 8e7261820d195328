package nl.horizon.index;

import nl.horizon.schema.Classification;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a reader may see: documents classified up to their clearance whose caveats they all hold.
 *
 * @param clearance the highest classification the reader may see
 * @param caveats   the dissemination caveats the reader holds (need to know)
 */
public record Visibility(Classification clearance, Set<String> caveats) {

    /** More than any reader holds: every subset of what a reader holds is one term of a filter. */
    static final int MAX_CAVEATS = 10;

    public Visibility {
        caveats = Set.copyOf(new TreeSet<>(caveats));
        if (caveats.size() > MAX_CAVEATS) {
            throw new IllegalArgumentException("a reader holds at most " + MAX_CAVEATS + " caveats");
        }
    }

    /** A reader holding no caveats. */
    public static Visibility of(Classification clearance) {
        return new Visibility(clearance, Set.of());
    }
}

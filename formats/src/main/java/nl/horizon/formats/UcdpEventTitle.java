package nl.horizon.formats;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The title of a UCDP GED event: type of violence, country, the two sides, and where. The dyad and
 * conflict names alone say little and, in the Candidate GED, often nothing: an actor UCDP has not
 * identified is a placeholder made of {@code XXX} and the country's Gleditsch-Ward number, so criminal
 * violence in Brazil read "XXX140 - XXX140". Such an actor is named "unidentified armed group" here.
 */
final class UcdpEventTitle {

    private static final List<String> VIOLENCE = List.of("State-based conflict", "Non-state conflict",
            "One-sided violence");
    private static final Pattern UNIDENTIFIED = Pattern.compile("XXX\\d+");
    private static final Pattern PARENTHESISED = Pattern.compile("\\s*\\([^)]*\\)$");
    private static final String UNKNOWN_ACTOR = "unidentified armed group";

    private UcdpEventTitle() {
    }

    /**
     * E.g. "Non-state conflict in Brazil: unidentified armed groups, Caicó/RN" or "State-based conflict
     * in Afghanistan: Government of Afghanistan – IS, Sawkay, Kunar".
     *
     * @param type the type of violence, 1 to 3
     */
    static String of(int type, ItemFields f) throws Rejection {
        String country = PARENTHESISED.matcher(f.required("country")).replaceAll("");
        String where = f.text("where_description").or(() -> f.text("adm_1")).map(w -> w.replaceAll("[\\s.,]+$", ""))
                .orElse("");
        return VIOLENCE.get(type - 1) + " in " + country + ": " + sides(f) + (where.isEmpty() ? "" : ", " + where);
    }

    private static String sides(ItemFields f) throws Rejection {
        Optional<String> a = f.text("side_a").map(UcdpEventTitle::actor);
        Optional<String> b = f.text("side_b").map(UcdpEventTitle::actor);
        if (a.isEmpty() || b.isEmpty()) {
            return actor(f.text("dyad_name").orElse(f.required("conflict_name")));
        }
        if (a.get().equals(UNKNOWN_ACTOR) && b.get().equals(UNKNOWN_ACTOR)) {
            return UNKNOWN_ACTOR + "s";
        }
        return a.get() + " – " + b.get();
    }

    private static String actor(String name) {
        return UNIDENTIFIED.matcher(name).replaceAll(UNKNOWN_ACTOR);
    }
}

package nl.horizon.formats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an ACLED row's actor fields say beyond its event type. ACLED's types say how violence was done
 * (a battle, a bomb, an attack on civilians), not against whom, nor whose forces did it; the actors and
 * their kinds ({@code inter1}, {@code inter2}) say that. Read here, once, so that the indicators need not
 * guess it from the notes:
 * <ul>
 * <li>{@value #CIVILIAN_TARGETING}: ACLED's own {@code civilian_targeting} value where the export fills
 * it; where it is blank or absent, a political-violence event with a civilian actor (kind 7, or an actor
 * named "Civilians (…)"), which is how ACLED defines it: a bomb or a shell whose target is civilians is an
 * attack on them whatever its type.</li>
 * <li>{@value #ARMED_TARGET}: political violence between two armed actors (state forces, rebels,
 * militias, external forces) without civilian targeting: a shelling or an IED against soldiers is
 * fighting, not only an explosion.</li>
 * <li>{@value #FOREIGN_FORCES}: political violence in which another country's military or police forces
 * act and none of the event country's own: a conflict reaching across a border (Turkish forces against the
 * PKK in Iraq, a Houthi drone in Saudi Arabia). Where the country's own forces fight them, the war is the
 * country's own and this is not said.</li>
 * <li>{@value #COMMUNAL_VIOLENCE}: an identity militia (kind 4: ethnic, clan, communal) acts and neither
 * state forces, rebels nor external forces take part: communities fighting each other or their civilians,
 * not a militia taking a side in a war.</li>
 * <li>{@value #FOREIGN_CIVILIANS}: the civilians involved are foreign ("Civilians (International)" or of
 * another country): an arrest of migrants is border control, not repression of the country's people.</li>
 * </ul>
 * Political violence is what ACLED files under that disorder type: battles, explosions/remote violence,
 * violence against civilians and mob violence.
 */
final class AcledMarks {

    static final String CIVILIAN_TARGETING = "Civilian targeting";
    static final String ARMED_TARGET = "Armed target";
    static final String FOREIGN_FORCES = "Foreign forces";
    static final String FOREIGN_CIVILIANS = "Foreign civilians";
    static final String COMMUNAL_VIOLENCE = "Communal violence";

    private static final Set<String> POLITICAL_VIOLENCE = Set.of("Battles", "Explosions/Remote violence",
            "Violence against civilians");
    /** Actor kinds of ACLED's codebook, as numbers (up to 2023) or words (since). */
    private static final Set<String> ARMED = Set.of("1", "2", "3", "4", "8", "State forces", "Rebel group",
            "Political militia", "Identity militia", "External/Other forces");
    private static final Set<String> CIVILIAN = Set.of("7", "Civilians");
    private static final Set<String> IDENTITY_MILITIA = Set.of("4", "Identity militia");
    /** Parties to a war rather than to communal strife. */
    private static final Set<String> WARRING = Set.of("1", "2", "8", "State forces", "Rebel group",
            "External/Other forces");
    private static final String[] ACTOR_FIELDS = {"actor1", "assoc_actor_1", "actor2", "assoc_actor_2"};
    private static final Pattern STATE_FORCES = Pattern.compile("(?:Military|Police) Forces of (?:the )?(.+?) \\(");
    private static final Pattern CIVILIANS = Pattern.compile("Civilians \\((.+)\\)");

    private AcledMarks() {
    }

    static List<String> of(ItemFields f, String eventType, String subType, List<String> countries) {
        List<String> actors = actors(f);
        boolean violence = POLITICAL_VIOLENCE.contains(eventType) || "Mob violence".equals(subType);
        List<String> marks = new ArrayList<>();
        boolean civilians = f.text("civilian_targeting").isPresent()
                || violence && (kind(f, CIVILIAN) || actors.stream().anyMatch(a -> CIVILIANS.matcher(a).matches()));
        if (civilians) {
            marks.add(CIVILIAN_TARGETING);
        } else if (violence && ARMED.contains(f.text("inter1").orElse("")) && ARMED.contains(f.text("inter2").orElse(""))) {
            marks.add(ARMED_TARGET);
        }
        if (violence && foreignForces(actors, countries)) {
            marks.add(FOREIGN_FORCES);
        }
        if (violence && kind(f, IDENTITY_MILITIA) && !kind(f, WARRING)) {
            marks.add(COMMUNAL_VIOLENCE);
        }
        if (actors.stream().anyMatch(a -> foreignCivilians(a, countries))) {
            marks.add(FOREIGN_CIVILIANS);
        }
        return marks;
    }

    private static boolean kind(ItemFields f, Set<String> kinds) {
        return kinds.contains(f.text("inter1").orElse("")) || kinds.contains(f.text("inter2").orElse(""));
    }

    private static List<String> actors(ItemFields f) {
        return Arrays.stream(ACTOR_FIELDS).map(f::text).flatMap(Optional::stream)
                .flatMap(names -> Arrays.stream(names.split(";"))).map(String::strip).filter(a -> !a.isEmpty()).toList();
    }

    /** Another country's forces act, and none of the event country's own. */
    private static boolean foreignForces(List<String> actors, List<String> countries) {
        boolean foreign = false;
        for (String actor : actors) {
            Matcher m = STATE_FORCES.matcher(actor);
            if (m.lookingAt()) {
                List<String> of = CountryNames.standard().allAlpha3(m.group(1));
                if (of.stream().anyMatch(countries::contains)) {
                    return false;
                }
                foreign |= !of.isEmpty();
            }
        }
        return foreign;
    }

    private static boolean foreignCivilians(String actor, List<String> countries) {
        Matcher m = CIVILIANS.matcher(actor);
        if (!m.matches()) {
            return false;
        }
        List<String> of = CountryNames.standard().allAlpha3(m.group(1));
        return "International".equals(m.group(1)) || !of.isEmpty() && of.stream().noneMatch(countries::contains);
    }
}

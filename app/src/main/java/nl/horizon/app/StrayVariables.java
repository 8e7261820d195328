package nl.horizon.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code HORIZON_*} environment variables that configure nothing. The configuration reads only the
 * variables of declared keys, so a misspelt one ({@code HORIZON_HTTP_PROT}) would otherwise be ignored
 * without a word and Horizon would run on the default; each is named, with the variable it most likely
 * meant. A warning, not an error: other tools share the prefix, and an environment is often shared by
 * more than one program.
 */
final class StrayVariables {

    /**
     * Read by something other than the configuration: the image tests and the Connect plugin test (CI sets
     * them, see {@code .ci/run}).
     */
    static final Set<String> OTHER_USES = Set.of("HORIZON_REQUIRE_DOCKER", "HORIZON_REQUIRE_JAVA17");
    /** Up to this many typed characters wrong, a known variable is an obvious suggestion. */
    private static final int MAX_EDITS = 3;

    private StrayVariables() {
    }

    /** One warning per stray variable in {@code env}, in name order. */
    static List<String> warnings(Map<String, String> env) {
        List<String> warnings = new ArrayList<>();
        for (String name : new TreeSet<>(env.keySet())) {
            if (name.startsWith(HorizonConfig.ENV_PREFIX) && HorizonConfig.keyOf(name).isEmpty()
                    && !OTHER_USES.contains(name)) {
                warnings.add("environment variable " + name + " configures nothing and is ignored"
                        + closest(name).map(known -> "; did you mean " + known + "?").orElse(
                        " (a key's variable is " + HorizonConfig.ENV_PREFIX + "<KEY> with dots as underscores, "
                                + "or " + HorizonConfig.envName(HorizonConfig.KAFKA_CLIENT_PREFIX) + "<SETTING>)"));
            }
        }
        return warnings;
    }

    private static Optional<String> closest(String name) {
        String best = null;
        int bestEdits = MAX_EDITS + 1;
        for (String known : candidates()) {
            int edits = edits(name, known);
            if (edits < bestEdits) {
                best = known;
                bestEdits = edits;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Set<String> candidates() {
        Set<String> candidates = new TreeSet<>(HorizonConfig.variables());
        candidates.addAll(OTHER_USES);
        return candidates;
    }

    /** Levenshtein distance: characters inserted, deleted or replaced to turn {@code a} into {@code b}. */
    private static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

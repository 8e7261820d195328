package nl.horizon.schema;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * ISO 3166-1 alpha-3 country codes, from the JDK, plus {@code XKX} (Kosovo), the user-assigned code
 * that the EU, UCDP and ACLED use.
 */
public final class Countries {

    /** alpha-3 → English name, built once: looking a name up through the JDK's locales walks them all. */
    private static final Map<String, String> ENGLISH_NAMES = loadEnglishNames();
    private static final Set<String> ALPHA3 = java.util.Collections.unmodifiableSet(
            new TreeSet<>(ENGLISH_NAMES.keySet()));

    private Countries() {
    }

    /** Whether {@code code} is a known alpha-3 code (upper case). */
    public static boolean isAlpha3(String code) {
        return code != null && ALPHA3.contains(code);
    }

    /** All known codes, sorted. */
    public static Set<String> alpha3() {
        return ALPHA3;
    }

    /** English name of a code, e.g. {@code Mali} for {@code MLI}. */
    public static String englishName(String alpha3) {
        String name = ENGLISH_NAMES.get(alpha3);
        if (name == null) {
            throw new IllegalArgumentException("not an ISO 3166-1 alpha-3 code: '" + alpha3 + "'");
        }
        return name;
    }

    private static Map<String, String> loadEnglishNames() {
        Map<String, String> names = new HashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            Locale locale = new Locale("", alpha2); // Locale.of needs Java 19; this module runs on 17
            names.put(locale.getISO3Country(), locale.getDisplayCountry(Locale.ENGLISH));
        }
        names.put("XKX", "Kosovo");
        return Map.copyOf(names);
    }
}

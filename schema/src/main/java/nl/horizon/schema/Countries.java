package nl.horizon.schema;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * ISO 3166-1 alpha-3 country codes, from the JDK, plus {@code XKX} (Kosovo), the user-assigned code
 * that the EU, UCDP and ACLED use.
 */
public final class Countries {

    private static final Set<String> ALPHA3 = loadAlpha3();

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
        if ("XKX".equals(alpha3)) {
            return "Kosovo";
        }
        for (String alpha2 : Locale.getISOCountries()) {
            Locale locale = Locale.of("", alpha2);
            if (locale.getISO3Country().equals(alpha3)) {
                return locale.getDisplayCountry(Locale.ENGLISH);
            }
        }
        throw new IllegalArgumentException("not an ISO 3166-1 alpha-3 code: '" + alpha3 + "'");
    }

    private static Set<String> loadAlpha3() {
        Set<String> codes = new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
        codes.add("XKX");
        return java.util.Collections.unmodifiableSet(codes);
    }
}

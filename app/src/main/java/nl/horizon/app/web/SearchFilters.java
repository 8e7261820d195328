package nl.horizon.app.web;

import nl.horizon.schema.Countries;
import nl.horizon.schema.DocumentKind;
import nl.horizon.schema.RiskLevel;
import nl.horizon.schema.SourceKind;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The filter parameters of search and the feeds, read strictly: a value the index can never hold
 * ({@code level=red}, {@code kind=bogus}, an indicator the taxonomy does not define) is refused with the
 * value and the accepted ones, instead of answering 200 with nothing, which reads as "nothing happened".
 * Country codes are taken in any case ({@code mli} is {@code MLI}), as in query text. Search and every
 * feed read their filters here, so they accept the same values.
 */
public final class SearchFilters {

    /** The kinds a search may ask for; triage decisions are read with their signal. */
    private static final Set<String> KINDS = labels(Stream.of(DocumentKind.REPORT, DocumentKind.SIGNAL,
            DocumentKind.COUNTRY_RISK).map(DocumentKind::label).toList());
    private static final Set<String> SOURCES = labels(Arrays.stream(SourceKind.values()).map(SourceKind::label)
            .toList());
    private static final Set<String> LEVELS = labels(Arrays.stream(RiskLevel.values()).map(RiskLevel::label)
            .toList());

    /**
     * Filters as read: each set holds only accepted values, empty for "all".
     *
     * @param kinds      document kinds
     * @param countries  ISO 3166-1 alpha-3 codes, upper case
     * @param sources    source kinds
     * @param levels     signal and risk levels
     * @param indicators indicator ids of the taxonomy
     */
    public record Filters(Set<String> kinds, Set<String> countries, Set<String> sources, Set<String> levels,
                          Set<String> indicators) {
    }

    private final Set<String> indicators;

    /** @param indicators the ids of the taxonomy's indicators: the values {@code indicator} accepts */
    public SearchFilters(Collection<String> indicators) {
        this.indicators = labels(new TreeSet<>(indicators));
    }

    /**
     * Reads {@code kind}, {@code country}, {@code source}, {@code level} and {@code indicator}, each
     * repeatable or comma-separated.
     *
     * @throws IllegalArgumentException naming the parameter, the bad value and what is accepted
     */
    public Filters read(Map<String, List<String>> params) {
        Set<String> countries = new LinkedHashSet<>();
        for (String code : Http.set(params, "country")) {
            String upper = code.toUpperCase(Locale.ROOT);
            if (!Countries.isAlpha3(upper)) {
                throw new IllegalArgumentException("parameter 'country': '" + code + "' is not an ISO 3166-1 "
                        + "alpha-3 country code (such as MLI)");
            }
            countries.add(upper);
        }
        return new Filters(checked(params, "kind", KINDS), countries, checked(params, "source", SOURCES),
                checked(params, "level", LEVELS), checked(params, "indicator", indicators));
    }

    private static Set<String> checked(Map<String, List<String>> params, String name, Set<String> accepted) {
        Set<String> values = Http.set(params, name);
        for (String value : values) {
            if (!accepted.contains(value)) {
                throw new IllegalArgumentException("parameter '" + name + "': unknown value '" + value
                        + "'; accepted: " + String.join(", ", accepted));
            }
        }
        return values;
    }

    /** The accepted values, in the order they are listed when one is refused. */
    private static Set<String> labels(Collection<String> labels) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(labels));
    }
}

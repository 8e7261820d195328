package nl.horizon.formats;

import nl.horizon.schema.Countries;
import nl.horizon.schema.EventFields;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.Reasons;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.Report;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A CrisisWatch entry. Its event time is the first day after the month it covers: that is when the
 * assessment becomes known, so a back-test never sees it earlier than an analyst could have. The arrow
 * and alert become the event type ({@code crisiswatch:deteriorated}) and sub-type
 * ({@code conflict_risk}).
 *
 * <p>The countries are the entry's code and every country its heading names: the edition files
 * "Israel/Palestine" under ISR alone and "India-Pakistan (Kashmir)" under IND, and a report that named
 * only the first would hide the second from its country's score. An entry whose heading names no
 * country and that carries no code (a region such as "South China Sea" in the text form) becomes a
 * report without country, which the normaliser places from its text or sends to the review bucket, as
 * for every other source; a code that is not ISO 3166-1 alpha-3 is rejected.
 */
final class CrisisWatchEntryFormat implements ItemFormat {

    @Override
    public String formatName() {
        return CrisisWatchEdition.ENTRY_FORMAT;
    }

    @Override
    public Report toReport(RawItem item) throws Rejection {
        ItemFields f = ItemFields.parse(item.payload());
        YearMonth edition = YearMonth.parse(f.required("edition"));
        String country = f.text("country").orElse("");
        Set<String> countries = new LinkedHashSet<>();
        f.text("iso3").map(c -> c.toUpperCase(Locale.ROOT)).ifPresent(countries::add);
        countries.addAll(CountryNames.standard().allAlpha3(country));
        for (String code : countries) {
            if (!Countries.isAlpha3(code)) {
                throw new Rejection(RejectReason.UNKNOWN_COUNTRY, "iso3: '" + Reasons.quote(code)
                        + "' is not an ISO 3166-1 alpha-3 code");
            }
        }
        String arrow = f.text("arrow").orElse(null);
        String headline = f.text("headline").orElse(arrow == null ? "entry" : arrow);
        return ItemReports.of(item, List.copyOf(countries), "en",
                edition.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                (country.isEmpty() ? String.join(", ", countries) : country) + ": " + headline + " (CrisisWatch "
                        + edition + ")", f.text("summary").orElse(""),
                new EventFields(arrow == null ? null : "crisiswatch:" + arrow, f.text("alert_type").orElse(null), null,
                        null, null), List.of());
    }
}

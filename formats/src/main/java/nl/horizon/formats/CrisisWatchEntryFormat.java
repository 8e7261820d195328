package nl.horizon.formats;

import nl.horizon.schema.Countries;
import nl.horizon.schema.EventFields;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.Reasons;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.Report;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * A CrisisWatch entry. Its event time is the first day after the month it covers: that is when the
 * assessment becomes known, so a back-test never sees it earlier than an analyst could have. The arrow
 * and alert become the event type ({@code crisiswatch:deteriorated}) and sub-type
 * ({@code conflict_risk}); entries about a region ("South China Sea") carry no country.
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
        List<String> countries = f.text("iso3").map(c -> c.toUpperCase(Locale.ROOT)).map(List::of)
                .orElse(CountryNames.standard().allAlpha3(country));
        for (String code : countries) {
            if (!Countries.isAlpha3(code)) {
                throw new Rejection(RejectReason.UNKNOWN_COUNTRY, "iso3: '" + Reasons.quote(code)
                        + "' is not an ISO 3166-1 alpha-3 code");
            }
        }
        String arrow = f.text("arrow").orElse(null);
        String headline = f.text("headline").orElse(arrow == null ? "entry" : arrow);
        return ItemReports.of(item, countries, "en",
                edition.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                (country.isEmpty() ? String.join(", ", countries) : country) + ": " + headline + " (CrisisWatch "
                        + edition + ")", f.text("summary").orElse(""),
                new EventFields(arrow == null ? null : "crisiswatch:" + arrow, f.text("alert_type").orElse(null), null,
                        null, null), List.of());
    }
}

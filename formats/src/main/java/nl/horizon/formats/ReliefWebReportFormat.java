package nl.horizon.formats;

import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.schema.Countries;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.Reasons;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.Report;
import org.jsoup.Jsoup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A ReliefWeb API report: {@code fields.date.original}, title, body (HTML or text), the primary country
 * first, then the others, the language, and {@code url_alias} as the link.
 */
final class ReliefWebReportFormat implements ItemFormat {

    @Override
    public String formatName() {
        return ReliefWebPage.REPORT_FORMAT;
    }

    @Override
    public Report toReport(RawItem item) throws Rejection {
        ItemFields f = ItemFields.parse(item.payload());
        List<String> countries = new ArrayList<>();
        addCountry(countries, f.node("fields/primary_country/iso3"));
        for (JsonNode country : f.node("fields/country")) {
            addCountry(countries, country.path("iso3"));
        }
        String language = null;
        for (JsonNode l : f.node("fields/language")) {
            language = l.path("code").asText(null);
            break;
        }
        String body = f.text("fields/body-html").or(() -> f.text("fields/body")).map(b -> Jsoup.parse(b).text())
                .orElse("");
        return ItemReports.of(item, countries, language == null ? null : language.toLowerCase(Locale.ROOT),
                f.instant("fields/date/original"), f.required("fields/title"), body, null,
                f.text("fields/url_alias").or(() -> f.text("href")).map(List::of).orElse(List.of()));
    }

    private static void addCountry(List<String> countries, JsonNode iso3) throws Rejection {
        if (iso3.isMissingNode() || iso3.isNull()) {
            return;
        }
        String code = iso3.asText().toUpperCase(Locale.ROOT);
        if (!Countries.isAlpha3(code)) {
            throw new Rejection(RejectReason.UNKNOWN_COUNTRY, "fields/country: '" + Reasons.quote(iso3.asText())
                    + "' is not an ISO 3166-1 alpha-3 code");
        }
        if (!countries.contains(code)) {
            countries.add(code);
        }
    }
}

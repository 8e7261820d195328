package nl.horizon.formats;

import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.Report;
import org.jsoup.Jsoup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A feed entry: HTML summaries become plain text (jsoup), the event time is the entry's published (or
 * updated) date, and categories that name a country give the structured countries: a name (ReliefWeb,
 * EMM NewsBrief and Atom feeds tag entries with country names) or an ISO 3166-1 code written as one (an
 * alpha-2 code only in capitals, "ML", since a lower-case two-letter tag is as often a topic). Tagged
 * countries outrank anything the text mentions: the normaliser looks in the text only when no tag names
 * a country.
 */
final class FeedEntryFormat implements ItemFormat {

    @Override
    public String formatName() {
        return FeedDocument.ENTRY_FORMAT;
    }

    @Override
    public Report toReport(RawItem item) throws Rejection {
        ItemFields f = ItemFields.parse(item.payload());
        List<String> countries = new ArrayList<>();
        for (JsonNode category : f.node("categories")) {
            countryOf(category.asText()).filter(c -> !countries.contains(c)).ifPresent(countries::add);
        }
        String language = f.text("language").map(l -> l.toLowerCase(Locale.ROOT))
                .map(l -> l.length() > 2 ? l.substring(0, 2) : l).filter(l -> l.matches("[a-z]{2}")).orElse(null);
        return ItemReports.of(item, countries, language, f.instant("published"),
                Jsoup.parse(f.text("title").orElse("")).text(), Jsoup.parse(f.text("summary").orElse("")).text(),
                null, f.text("link").map(List::of).orElse(List.of()));
    }

    private static java.util.Optional<String> countryOf(String category) {
        String tag = category.trim();
        if (tag.matches("[A-Z]{2}") && java.util.Arrays.asList(Locale.getISOCountries()).contains(tag)) {
            return java.util.Optional.of(new Locale("", tag).getISO3Country());
        }
        return CountryNames.standard().alpha3(tag);
    }
}

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
 * updated) date, and categories that name a country (ReliefWeb tags entries with their countries) give
 * the structured countries. Finding countries in the text is left to the normaliser.
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
            CountryNames.standard().alpha3(category.asText()).filter(c -> !countries.contains(c))
                    .ifPresent(countries::add);
        }
        String language = f.text("language").map(l -> l.toLowerCase(Locale.ROOT))
                .map(l -> l.length() > 2 ? l.substring(0, 2) : l).filter(l -> l.matches("[a-z]{2}")).orElse(null);
        return ItemReports.of(item, countries, language, f.instant("published"),
                Jsoup.parse(f.text("title").orElse("")).text(), Jsoup.parse(f.text("summary").orElse("")).text(),
                null, f.text("link").map(List::of).orElse(List.of()));
    }
}

package nl.horizon.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import nl.horizon.schema.ContentHash;
import nl.horizon.schema.Json;
import nl.horizon.schema.RejectReason;
import org.xml.sax.InputSource;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RSS (0.9x, 1.0, 2.0) or Atom feed, read with Rome after {@link SafeXml} has refused anything with a
 * DOCTYPE. Each entry becomes a {@code feed-entry} item: a JSON object with id, title, link, published,
 * summary (the entry's text, HTML as received: its content when it has one, else its summary), categories,
 * author, the feed's title and the language: the entry's own when it states one (EMM NewsBrief's
 * {@code iso:language}, Dublin Core's {@code dc:language}), else the feed's. Where the publisher is
 * (EMM's {@code <source country>}, {@code emm:sourceCountry}) is deliberately not kept: a French paper
 * writing about Syria is not news about France.
 */
public final class FeedDocument {

    /** The item format of feed entries. */
    public static final String ENTRY_FORMAT = "feed-entry";

    private FeedDocument() {
    }

    /**
     * Splits a feed into entries.
     *
     * @throws Rejection when the whole document is hostile, malformed or not a feed
     */
    public static List<Split> split(byte[] xml) throws Rejection {
        SafeXml.check(xml);
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new InputSource(new ByteArrayInputStream(xml)));
        } catch (FeedException | IllegalArgumentException e) {
            throw new Rejection(RejectReason.MALFORMED, "not an RSS or Atom feed: " + e.getMessage(), e);
        }
        List<Split> splits = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            splits.add(new Split.Item(new SourceItem(idOf(entry), ENTRY_FORMAT, payload(feed, entry),
                    iso(entry.getUpdatedDate()))));
        }
        return splits;
    }

    private static String idOf(SyndEntry entry) {
        if (entry.getUri() != null && !entry.getUri().isBlank()) {
            return entry.getUri().trim();
        }
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink().trim();
        }
        return ContentHash.of(String.valueOf(entry.getTitle()) + '|' + entry.getPublishedDate());
    }

    private static String payload(SyndFeed feed, SyndEntry entry) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", idOf(entry));
        fields.put("title", entry.getTitle());
        fields.put("link", entry.getLink());
        fields.put("published", iso(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate()));
        fields.put("summary", body(entry));
        fields.put("categories", entry.getCategories().stream().map(SyndCategory::getName).toList());
        fields.put("author", entry.getAuthor());
        fields.put("feed", feed.getTitle());
        fields.put("language", languageOf(entry).orElse(feed.getLanguage()));
        try {
            return Json.mapper().writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("feed fields always serialise", e);
        }
    }

    /**
     * The entry's text: its content (Atom {@code <content>}, RSS {@code content:encoded}) when it has
     * any, else its summary or description. A feed that sends both puts the full text in the content
     * and a teaser in the summary, and the teaser alone hides most of what a report says from the
     * indicators and the search index.
     */
    private static String body(SyndEntry entry) {
        String content = entry.getContents().stream().map(SyndContent::getValue)
                .filter(v -> v != null && !v.isBlank()).reduce((a, b) -> a + "\n" + b).orElse("");
        if (!content.isEmpty()) {
            return content;
        }
        SyndContent description = entry.getDescription();
        return description == null || description.getValue() == null ? "" : description.getValue();
    }

    /** The language an entry states for itself, in any namespace's {@code language} element. */
    private static java.util.Optional<String> languageOf(SyndEntry entry) {
        java.util.Optional<String> foreign = entry.getForeignMarkup().stream()
                .filter(e -> e.getName().equals("language")).map(e -> e.getTextTrim())
                .filter(l -> !l.isEmpty()).findFirst();
        if (foreign.isPresent()) {
            return foreign;
        }
        return entry.getModules().stream().filter(m -> m instanceof DCModule).map(m -> ((DCModule) m).getLanguage())
                .filter(l -> l != null && !l.isBlank()).findFirst();
    }

    private static String iso(Date date) {
        return date == null ? null : date.toInstant().toString();
    }
}

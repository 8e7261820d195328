package nl.horizon.app.web;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import nl.horizon.index.HorizonSearch;
import nl.horizon.index.InvalidQueryException;
import nl.horizon.index.SearchRequest;
import nl.horizon.index.Visibility;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Signal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Signals for downstream systems that subscribe rather than query: an Atom or RSS feed per country or
 * level (Rome writes them; {@link CapAlerts} writes the CAP ones). A feed holds only
 * signals the caller may see; where a country is scored in several tiers the caller may see, the most
 * complete (highest) tier's signal stands for the others.
 */
public final class SignalFeeds {

    private static final int ENTRIES = 50;

    private final HorizonSearch search;

    public SignalFeeds(HorizonSearch search) {
        this.search = search;
    }

    /**
     * The newest signals the caller may see, of the given countries and levels (empty: all), as they stand
     * (a withdrawal shows as such); back-fills of days long past are history, not news, and are left out.
     */
    public List<Signal> latest(Classification clearance, Set<String> countries, Set<String> levels)
            throws IOException {
        List<Signal> found = new ArrayList<>();
        try {
            for (var hit : search.find(new SearchRequest("", Visibility.of(clearance), Set.of("signal"), countries, Set.of(), levels,
                    Set.of(), null, null, true, 0, ENTRIES * Classification.values().length)).hits()) {
                if (hit.document() instanceof Signal signal && !signal.historical()) {
                    found.add(signal);
                }
            }
        } catch (InvalidQueryException e) {
            throw new IllegalStateException("the match-all query does not parse", e);
        }
        Map<String, Signal> mostComplete = new LinkedHashMap<>();
        for (Signal s : found) {
            mostComplete.merge(s.country() + ":" + s.day() + ":" + s.lifecycle().label(), s,
                    (a, b) -> b.classification().rank() > a.classification().rank() ? b : a);
        }
        return mostComplete.values().stream().limit(ENTRIES).toList();
    }

    /**
     * The signals as a feed.
     *
     * @param format  {@code atom_1.0} or {@code rss_2.0}
     * @param baseUrl where this server is reached, for links back to the dashboard and the CAP alerts
     */
    public static String feed(List<Signal> signals, String title, String format, String baseUrl) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format);
        feed.setTitle(title);
        feed.setLink(baseUrl + "/");
        feed.setUri("urn:horizon:signals:" + title.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT));
        feed.setDescription("Early-warning signals from Horizon");
        feed.setPublishedDate(signals.isEmpty() ? new Date(0) : date(signals.getFirst()));
        List<SyndEntry> entries = new ArrayList<>();
        for (Signal s : signals) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setUri("urn:horizon:signal:" + s.id());
            entry.setTitle(s.headline());
            entry.setLink(page(baseUrl, s));
            entry.setPublishedDate(date(s));
            entry.setUpdatedDate(date(s));
            SyndContent description = new SyndContentImpl();
            description.setType("text/plain");
            description.setValue(description(s));
            entry.setDescription(description);
            List<SyndCategory> categories = new ArrayList<>();
            for (String term : List.of(s.level().label(), s.lifecycle().label(), s.detection().indicator(),
                    s.country(), s.classification().label())) {
                SyndCategory category = new SyndCategoryImpl();
                category.setName(term);
                categories.add(category);
            }
            entry.setCategories(categories);
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome could not write the feed", e);
        }
    }

    /** The signal's page on the dashboard. */
    static String page(String baseUrl, Signal s) {
        return baseUrl + "/#/signal/" + URLEncoder.encode(s.id(), StandardCharsets.UTF_8);
    }

    static String description(Signal s) {
        return String.format(java.util.Locale.ROOT, "%s on %s: composite score %.1f (%+.1f). %s observed %.0f "
                        + "against %.1f expected (surprise %.1f).", s.headline(), s.day(), s.score(), s.delta(),
                s.detection().indicator(), s.detection().observed(), s.detection().baseline(),
                s.detection().statistic());
    }

    private static Date date(Signal s) {
        return Date.from(s.day().atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}

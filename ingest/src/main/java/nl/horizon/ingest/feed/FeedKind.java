package nl.horizon.ingest.feed;

import nl.horizon.schema.Labelled;
import nl.horizon.schema.SourceKind;

/** The document formats a feed connector fetches. */
public enum FeedKind implements Labelled {
    /** RSS 0.9x/1.0/2.0 or Atom. */
    RSS("rss", SourceKind.NEWS_FEED),
    /** The ReliefWeb API's {@code /reports} answer, followed through {@code links.next}. */
    RELIEFWEB_API("reliefweb-api", SourceKind.NEWS_FEED),
    /** A CrisisWatch edition as JSON. */
    CRISISWATCH_JSON("crisiswatch-json", SourceKind.CRISIS_WATCH),
    /**
     * Common Alerting Protocol messages: one alert, or an Atom/RSS feed of them. Other early-warning
     * systems (another Horizon, a crisis watch, a national warning service) are crisis watches in
     * Horizon's sense: an independent channel of warnings, not news.
     */
    CAP("cap", SourceKind.CRISIS_WATCH);

    private final String label;
    private final SourceKind sourceKind;

    FeedKind(String label, SourceKind sourceKind) {
        this.label = label;
        this.sourceKind = sourceKind;
    }

    @Override
    public String label() {
        return label;
    }

    /** The raw topic its items go to. */
    public SourceKind sourceKind() {
        return sourceKind;
    }

    static FeedKind parse(String value) {
        return Labelled.parse(FeedKind.class, value);
    }
}

package nl.horizon.index;

import io.micrometer.core.instrument.Metrics;
import nl.horizon.schema.Acknowledged;
import nl.horizon.schema.Classification;
import nl.horizon.schema.DocumentKind;
import nl.horizon.schema.Identity;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Match;
import nl.horizon.schema.Report;
import nl.horizon.schema.Signal;
import nl.horizon.schema.Subscription;
import nl.horizon.schema.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Saved queries, matched against every new report and signal as it is indexed (lucene-monitor: the
 * queries are indexed, each document is matched against them). A match is recorded on
 * {@code horizon.matches.v1} only when the document's classification is within the owner's clearance.
 * Queries are parsed and documents analysed exactly as for search, so a saved query matches what the
 * same search would find.
 */
public final class SavedQueries implements HorizonIndexer.IndexListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SavedQueries.class);

    private final Monitor monitor;
    private final Analyzer analyzer;
    private final Producer<String, byte[]> producer;
    private final Clock clock;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

    public SavedQueries(Producer<String, byte[]> producer, Clock clock) throws IOException {
        this.analyzer = IndexAnalysis.perField();
        this.monitor = new Monitor(analyzer);
        this.producer = producer;
        this.clock = clock;
    }

    /** Checks that a query parses, so a bad one is refused when it is saved, not when it would match. */
    public void check(String query) throws InvalidQueryException {
        QueryParsing.parse(query, analyzer);
    }

    /**
     * Registers, replaces or (with {@code null}) deletes a subscription, as read from its topic. An owner
     * stored before identities had namespaces is read as {@link Identity#owner} says.
     */
    public void apply(String id, Subscription stored) {
        try {
            if (stored == null) {
                subscriptions.remove(id);
                monitor.deleteById(id);
                return;
            }
            Subscription subscription = new Subscription(stored.id(), Identity.owner(stored.owner()), stored.query(),
                    stored.clearance(), stored.createdAt());
            monitor.register(new MonitorQuery(id, QueryParsing.parse(subscription.query(), analyzer),
                    subscription.query(), Map.of("owner", subscription.owner())));
            subscriptions.put(id, subscription);
        } catch (InvalidQueryException e) {
            LOG.warn("subscription {} of {} does not parse and is ignored: {}", id, stored.owner(),
                    e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves a subscription on its topic (every instance follows it) and applies it here at once.
     *
     * @throws IOException when Kafka did not confirm the write
     */
    public void save(Subscription subscription) throws IOException {
        write(subscription.id(), JsonSerde.of(Subscription.class).serialize(Topics.SUBSCRIPTIONS, subscription));
        apply(subscription.id(), subscription);
    }

    /** Deletes a subscription (a tombstone on its topic) and forgets it here at once. */
    public void delete(String id) throws IOException {
        write(id, null);
        apply(id, null);
    }

    private void write(String id, byte[] value) throws IOException {
        Acknowledged.send(producer, new ProducerRecord<>(Topics.SUBSCRIPTIONS, id, value));
    }

    /** The subscriptions of one owner ({@link Identity#id()}). */
    public List<Subscription> of(String owner) {
        return subscriptions.values().stream().filter(s -> s.owner().equals(owner))
                .sorted(java.util.Comparator.comparing(Subscription::createdAt)).toList();
    }

    /** One subscription, if it exists. */
    public java.util.Optional<Subscription> get(String id) {
        return java.util.Optional.ofNullable(subscriptions.get(id));
    }

    @Override
    public void indexed(Object record) {
        if (subscriptions.isEmpty()) {
            // before the document is built: building it (its JSON, its facets) cost as much as indexing it
            return;
        }
        try {
            switch (record) {
                case Report r when !r.caveats().isEmpty() -> {
                    // need-to-know: no subscription holds caveats yet, so a caveated report notifies no one
                }
                case Report r -> match(IndexDocuments.report(r), DocumentKind.REPORT, r.id(), r.title(),
                        r.classification());
                case Signal s when s.historical() -> {
                    // a back-fill of days long past does not notify: it is history, not news
                }
                case Signal s -> match(IndexDocuments.signal(s), DocumentKind.SIGNAL, s.id(), s.headline(),
                        s.classification());
                default -> {
                    // country-risk points are not matched: their signals are
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void match(Document doc, DocumentKind kind, String id, String title, Classification classification)
            throws IOException {
        MatchingQueries<QueryMatch> matches = monitor.match(doc, QueryMatch.SIMPLE_MATCHER);
        List<Match> found = new ArrayList<>();
        for (QueryMatch match : matches.getMatches()) {
            Subscription subscription = subscriptions.get(match.getQueryId());
            if (subscription != null && classification.visibleTo(subscription.clearance())) {
                found.add(new Match(subscription.id(), subscription.owner(), kind, id, title, clock.instant(),
                        classification));
            }
        }
        for (Match m : found) {
            try {
                Acknowledged.send(producer, new ProducerRecord<>(Topics.MATCHES, m.subscriptionId(),
                        JsonSerde.of(Match.class).serialize(Topics.MATCHES, m)));
                Metrics.counter("horizon.matches").increment();
            } catch (IOException e) {
                Metrics.counter("horizon.matches.failed").increment();
                LOG.error("could not record the match of {} with {}: {}", id, m.subscriptionId(), e.getMessage());
            }
        }
    }

    @Override
    public void close() throws IOException {
        monitor.close();
    }
}

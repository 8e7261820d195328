package nl.horizon.ingest.feed;

import io.micrometer.core.instrument.Metrics;
import nl.horizon.formats.CapDocument;
import nl.horizon.formats.CrisisWatchEdition;
import nl.horizon.formats.DeadLetters;
import nl.horizon.formats.FeedDocument;
import nl.horizon.formats.ItemText;
import nl.horizon.formats.Rejection;
import nl.horizon.formats.ReliefWebPage;
import nl.horizon.formats.Split;
import nl.horizon.ingest.SourceHealth;
import nl.horizon.schema.DeadLetter;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Marking;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.Reasons;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.Topics;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Polls one feed on its schedule. An unreachable or failing source is retried with exponential
 * back-off and reported through {@link SourceHealth}; it never spins. A document that cannot be read
 * at all goes to the dead-letter topic whole and counts as a failure for back-off; a bad entry inside
 * a good document goes there alone.
 *
 * <p>Only the last record of a poll carries the new state as its source offset; the others carry the
 * state from before the poll. Kafka Connect commits the offset of the last record acknowledged in
 * order, so a crash part-way re-reads the whole poll rather than losing any of it.
 */
public final class FeedTask extends SourceTask {

    private static final Logger LOG = LoggerFactory.getLogger(FeedTask.class);
    private static final String STAGE = "connector:feed";

    private final Clock clock;
    private final Object wakeup = new Object();
    private volatile boolean stopping;
    private FeedConfig config;
    private FeedFetcher fetcher;
    private FeedState state;
    private Map<String, String> partition;
    private Instant nextPoll = Instant.EPOCH;
    private int failures;

    public FeedTask() {
        this(Clock.systemUTC());
    }

    FeedTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String version() {
        return new FeedConnector().version();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new FeedConfig(props);
        fetcher = new FeedFetcher(config.requestTimeout(), config.maxDocumentBytes(), config.token());
        partition = Map.of("feed", config.name());
        state = FeedState.fromOffset(context.offsetStorageReader().offset(partition), config.seenIdsMax());
        stopping = false;
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (!waitForSchedule()) {
            return null;
        }
        FeedState before = state.copy();
        List<SourceRecord> records = new ArrayList<>();
        try {
            fetch(records);
            failures = 0;
            nextPoll = clock.instant().plus(config.pollInterval());
            SourceHealth.up(config.name(), clock.instant());
        } catch (Rejection rejection) {
            records.add(deadLetter(rejection, "", config.url().toString()));
            backOff("document rejected: " + rejection.detail());
        } catch (IOException e) {
            backOff("cannot fetch " + config.url() + ": " + e);
        } catch (FetchFailure e) {
            backOff(e.getMessage());
        }
        if (records.isEmpty()) {
            return null;
        }
        Metrics.counter("horizon.source.items", "source", config.name()).increment(records.size());
        return withOffsets(records, before);
    }

    private void fetch(List<SourceRecord> records) throws IOException, InterruptedException, Rejection, FetchFailure {
        URI uri = config.url();
        for (int page = 0; page < config.maxPages(); page++) {
            boolean first = page == 0;
            FeedFetcher.Fetched fetched = fetcher.get(uri, first ? state.etag() : Optional.empty(),
                    first ? state.lastModified() : Optional.empty());
            if (fetched.status() == 304) {
                return;
            }
            if (fetched.status() / 100 != 2) {
                throw new FetchFailure("HTTP " + fetched.status() + " from " + uri);
            }
            if (first) {
                state.validators(fetched.etag(), fetched.lastModified());
            }
            Optional<String> next = Optional.empty();
            List<Split> splits;
            switch (config.format()) {
                case RSS -> splits = FeedDocument.split(fetched.body());
                case RELIEFWEB_API -> {
                    ReliefWebPage reliefWeb = ReliefWebPage.read(text(fetched.body()));
                    splits = reliefWeb.splits();
                    next = reliefWeb.next();
                }
                case CRISISWATCH_JSON -> splits = CrisisWatchEdition.split(text(fetched.body()));
                case CAP -> splits = CapDocument.split(fetched.body());
                default -> throw new IllegalStateException("unhandled feed format " + config.format());
            }
            boolean allNew = accept(splits, uri, records);
            if (next.isEmpty() || !allNew) {
                return;
            }
            uri = URI.create(next.get());
        }
    }

    /**
     * Adds the new items and the rejected parts; tells whether every item was new. An item seen before
     * under another version (an entry republished with a newer {@code updated}) is new: it goes out under
     * its old id, so that its report supersedes the earlier version. An item whose id an
     * earlier item of the same document already has is dead-lettered, not skipped: it is different input
     * under a taken id, and skipping it is how CrisisWatch entries once vanished without a trace.
     */
    private boolean accept(List<Split> splits, URI uri, List<SourceRecord> records) {
        boolean allNew = true;
        List<String> fresh = new ArrayList<>();
        List<String> seenKeys = new ArrayList<>();
        for (Split split : splits) {
            if (split instanceof Split.Item item) {
                if (fresh.contains(item.item().itemId())) {
                    records.add(deadLetter(new Rejection(RejectReason.INVALID_FIELD, uri + " item id '"
                            + Reasons.quote(item.item().itemId()) + "' repeats an earlier item of the same document"),
                            item.item().payload(), item.item().itemId()));
                } else if (state.seen(FeedState.seenKey(item.item()))) {
                    allNew = false;
                } else {
                    fresh.add(item.item().itemId());
                    seenKeys.add(FeedState.seenKey(item.item()));
                    records.add(rawItem(RawItem.of(item.item().itemId(), config.format().sourceKind(),
                            config.name(), item.item().format(), clock.instant(), config.classification(),
                            item.item().payload())));
                }
            } else { // Java 17 has no pattern switch: Split is sealed, the other part is Rejected
                Split.Rejected part = (Split.Rejected) split;
                records.add(deadLetter(new Rejection(part.rejection().reason(),
                        uri + " " + part.locator() + ": " + part.rejection().detail()), part.payload(), null));
            }
        }
        state.remember(seenKeys);
        return allNew;
    }

    private String text(byte[] body) throws Rejection {
        return ItemText.decode(body, config.maxDocumentBytes());
    }

    private SourceRecord rawItem(RawItem item) {
        String topic = Topics.raw(item.sourceKind());
        return new SourceRecord(partition, Map.of(), topic, null, Schema.STRING_SCHEMA, item.itemId(),
                Schema.BYTES_SCHEMA, JsonSerde.of(RawItem.class).serialize(topic, item));
    }

    private SourceRecord deadLetter(Rejection rejection, String payload, String itemId) {
        DeadLetter letter = DeadLetters.of(itemId, config.format().sourceKind(), config.name(), STAGE, rejection,
                payload, clock.instant(), Marking.of(config.classification()));
        return new SourceRecord(partition, Map.of(), Topics.DLQ, null, Schema.STRING_SCHEMA, letter.itemId(),
                Schema.BYTES_SCHEMA, JsonSerde.of(DeadLetter.class).serialize(Topics.DLQ, letter));
    }

    private List<SourceRecord> withOffsets(List<SourceRecord> records, FeedState before) {
        List<SourceRecord> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            SourceRecord r = records.get(i);
            Map<String, Object> offset = (i == records.size() - 1 ? state : before).toOffset();
            out.add(new SourceRecord(r.sourcePartition(), offset, r.topic(), null, r.keySchema(), r.key(),
                    r.valueSchema(), r.value()));
        }
        return out;
    }

    private void backOff(String reason) {
        failures++;
        long factor = 1L << Math.min(failures - 1, 20);
        Duration wait = config.backoffInitial().multipliedBy(factor);
        if (wait.compareTo(config.backoffMax()) > 0) {
            wait = config.backoffMax();
        }
        nextPoll = clock.instant().plus(wait);
        Metrics.counter("horizon.source.fetch.failures", "source", config.name()).increment();
        SourceHealth.backingOff(config.name(), reason, clock.instant(), nextPoll);
        LOG.warn("feed {}: {}; failure {} in a row, next try in {}", config.name(), reason, failures, wait);
    }

    /** Sleeps until the next poll is due, waking every second to notice a stop; false when stopping. */
    private boolean waitForSchedule() throws InterruptedException {
        while (!stopping) {
            long millis = Duration.between(clock.instant(), nextPoll).toMillis();
            if (millis <= 0) {
                return true;
            }
            synchronized (wakeup) {
                wakeup.wait(Math.min(millis, 1000));
            }
        }
        return false;
    }

    @Override
    public void stop() {
        stopping = true;
        synchronized (wakeup) {
            wakeup.notifyAll();
        }
    }

    /** The source answered, but not with a document. */
    private static final class FetchFailure extends Exception {
        FetchFailure(String message) {
            super(message);
        }
    }
}

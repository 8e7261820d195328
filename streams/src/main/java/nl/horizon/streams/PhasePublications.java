package nl.horizon.streams;

import io.micrometer.core.instrument.Metrics;
import nl.horizon.schema.Classification;
import nl.horizon.schema.CountryPhase;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Revision;
import nl.horizon.streams.scoring.PhaseClassifier;
import nl.horizon.streams.scoring.TierRescorer;
import nl.horizon.streams.scoring.TierState;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The phases of a tier for the days a re-score restated, and what of them to publish: a point that is new
 * goes out as revision 1, one whose content changed as the next revision under the same key, and one that
 * no longer holds as a tombstone, as risk points do ({@link Publications}). Content is compared without its
 * revision, so the latest record per key ends the same whatever order the input came in.
 *
 * <p>Kept in the store {@value #STORE}: {@code <country>|<tier>|<sortable day>} → the point as last
 * published. The latest point before a restated range says where the run of the phase on its eve began.
 */
final class PhasePublications {

    static final String STORE = "phases-published";

    private final KeyValueStore<String, CountryPhase> published;
    private final PhaseClassifier classifier;
    private final int historicalAfterDays;

    PhasePublications(ProcessorContext<?, ?> context, PhaseClassifier classifier, int historicalAfterDays) {
        this.published = context.getStateStore(STORE);
        this.classifier = classifier;
        this.historicalAfterDays = historicalAfterDays;
    }

    static StoreBuilder<?> builder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                JsonSerde.of(CountryPhase.class)).withCachingEnabled();
    }

    /**
     * The records that bring what was published of the tier's phases for the re-scored days to what the
     * cells now say.
     *
     * @param clockDay the tier's event-time day now: what the results are known as of
     */
    List<Scored> reconcile(String country, Classification tier, TierState state, TierRescorer.Rescored rescored,
                           long clockDay) {
        String prefix = TierStore.prefix(country, tier);
        long from = rescored.from();
        TreeMap<Long, CountryPhase> before = new TreeMap<>();
        try (KeyValueIterator<String, CountryPhase> range = published.range(prefix + SortableDay.of(from), prefix + "~")) {
            range.forEachRemaining(kv -> before.put(SortableDay.parse(kv.key.substring(prefix.length())), kv.value));
        }
        List<Scored> out = new ArrayList<>();
        for (CountryPhase point : classifier.classify(country, tier, state, from, rescored.through(), eve(prefix, from))) {
            long day = point.day().toEpochDay();
            CountryPhase earlier = before.remove(day);
            if (earlier != null && earlier.withRevision(null).equals(point)) {
                continue;
            }
            CountryPhase publishing = point.withRevision(new Revision(
                    earlier == null ? 1 : earlier.revision().number() + 1, LocalDate.ofEpochDay(clockDay),
                    day < clockDay - historicalAfterDays));
            published.put(prefix + SortableDay.of(day), publishing);
            out.add(new Scored.Phase(CountryPhase.key(country, tier, point.day()), publishing));
            count(earlier == null ? "new" : "revised", tier);
        }
        for (Long day : before.keySet()) {
            published.delete(prefix + SortableDay.of(day));
            out.add(new Scored.Phase(CountryPhase.key(country, tier, LocalDate.ofEpochDay(day)), null));
            count("withdrawn", tier);
        }
        return out;
    }

    /** The phase published for the day before {@code from} and where its run began, or null when none was. */
    private PhaseClassifier.Earlier eve(String prefix, long from) {
        try (KeyValueIterator<String, CountryPhase> range = published.reverseRange(prefix,
                prefix + SortableDay.of(from - 1))) {
            if (!range.hasNext()) {
                return null;
            }
            CountryPhase last = range.next().value;
            return new PhaseClassifier.Earlier(last.phase(), last.since());
        }
    }

    private static void count(String change, Classification tier) {
        Metrics.counter("horizon.scoring.publications", "record", "phase", "change", change, "tier", tier.label())
                .increment();
    }
}

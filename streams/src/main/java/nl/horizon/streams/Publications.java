package nl.horizon.streams;

import io.micrometer.core.instrument.Metrics;
import nl.horizon.schema.Classification;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Revision;
import nl.horizon.schema.Signal;
import nl.horizon.streams.scoring.TierRescorer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What has been published of each tier, so that a re-score publishes only what changed: a risk point or a
 * signal that is new goes out as revision 1, one whose content changed as the next revision under the
 * same key, a risk point that no longer differs from the day before as a tombstone, and a signal that no
 * longer holds as a withdrawal (lifecycle {@code withdrawn}, next revision). Content is compared without
 * its revision, so the latest record per key ends the same whatever order the input came in; only the
 * revision (its number, the day it was known as of, the historical mark) tells the path it took.
 *
 * <p>Kept in the store {@value #STORE}: {@code <country>|<tier>|R|<sortable day>} → {@code <revision>|<fingerprint>}
 * for risk points, {@code <country>|<tier>|S|<sortable day>|<lifecycle>} → the signal as last published.
 */
final class Publications {

    static final String STORE = "scoring-published";
    private static final String RISK = "R|";
    private static final String SIGNAL = "S|";
    private static final JsonSerde<Signal> SIGNALS = JsonSerde.of(Signal.class);

    private final KeyValueStore<String, String> published;
    private final int historicalAfterDays;

    Publications(ProcessorContext<?, ?> context, int historicalAfterDays) {
        this.published = context.getStateStore(STORE);
        this.historicalAfterDays = historicalAfterDays;
    }

    static StoreBuilder<?> builder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.String())
                .withCachingEnabled();
    }

    /**
     * The records that bring what was published for the days {@code rescored.from()..through()} to what
     * the re-score gave.
     *
     * @param clockDay the tier's event-time day now: what the results are known as of
     */
    List<Scored> reconcile(String country, Classification tier, TierRescorer.Rescored rescored, long clockDay) {
        String prefix = TierStore.prefix(country, tier);
        List<Scored> out = new ArrayList<>();
        risks(country, tier, prefix, rescored, clockDay, out);
        signals(prefix, rescored, clockDay, out);
        return out;
    }

    private void risks(String country, Classification tier, String prefix, TierRescorer.Rescored rescored,
                       long clockDay, List<Scored> out) {
        TreeMap<Long, String> before = new TreeMap<>();
        scan(prefix + RISK, rescored.from(), (rest, value) -> before.put(SortableDay.parse(rest), value));
        for (CountryRisk risk : rescored.risks()) {
            long day = risk.day().toEpochDay();
            String hash = fingerprint(risk);
            String earlier = before.remove(day);
            int number = earlier == null ? 1 : Integer.parseInt(earlier.substring(0, earlier.indexOf('|'))) + 1;
            if (earlier != null && earlier.endsWith("|" + hash)) {
                continue;
            }
            published.put(prefix + RISK + SortableDay.of(day), number + "|" + hash);
            out.add(new Scored.Risk(CountryRisk.key(risk.country(), risk.classification(), risk.day()),
                    risk.withRevision(revision(number, day, clockDay))));
            count("risk", number == 1 ? "new" : "revised", risk.classification());
        }
        for (Long day : before.keySet()) {
            published.delete(prefix + RISK + SortableDay.of(day));
            out.add(new Scored.Risk(CountryRisk.key(country, tier, LocalDate.ofEpochDay(day)), null));
            count("risk", "withdrawn", tier);
        }
    }

    private void signals(String prefix, TierRescorer.Rescored rescored, long clockDay, List<Scored> out) {
        Map<String, Signal> before = new LinkedHashMap<>();
        scan(prefix + SIGNAL, rescored.from(), (rest, value) -> before.put(rest, SIGNALS.deserialize(null,
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        for (Signal signal : rescored.signals()) {
            long day = signal.day().toEpochDay();
            String rest = SortableDay.of(day) + "|" + signal.lifecycle().label();
            Signal earlier = before.remove(rest);
            if (earlier != null && earlier.standing() && earlier.withRevision(null).equals(signal)) {
                continue;
            }
            Revision revision = earlier == null ? revision(1, day, clockDay) : next(earlier.revision(), day, clockDay);
            publish(prefix + SIGNAL + rest, signal.withRevision(revision), out);
            count("signal", earlier == null ? "new" : "revised", signal.classification());
        }
        for (Map.Entry<String, Signal> gone : before.entrySet()) {
            Signal earlier = gone.getValue();
            if (earlier.standing()) {
                long day = earlier.day().toEpochDay();
                publish(prefix + SIGNAL + gone.getKey(),
                        earlier.withdrawn(next(earlier.revision(), day, clockDay)), out);
                count("signal", "withdrawn", earlier.classification());
            }
        }
    }

    private void publish(String key, Signal signal, List<Scored> out) {
        published.put(key, new String(SIGNALS.serialize(null, signal), java.nio.charset.StandardCharsets.UTF_8));
        out.add(new Scored.Raised(signal));
    }

    /**
     * A 64-bit FNV-1a hash of a risk point's content (everything but its revision), to tell whether a
     * re-score changed it without keeping or serialising the point; a collision (about 2⁻⁶⁴) would only
     * hold back one revision.
     */
    static String fingerprint(CountryRisk risk) {
        Fingerprint f = new Fingerprint().text(risk.country()).number(risk.day().toEpochDay())
                .number(Double.doubleToLongBits(risk.score())).text(risk.level().label()).text(risk.trend().label())
                .text(risk.heldBack()).text(risk.classification().label());
        for (var c : risk.contributions()) {
            f.text(c.indicator()).number(Double.doubleToLongBits(c.value())).number(Double.doubleToLongBits(c.weight()))
                    .number(Double.doubleToLongBits(c.contribution()));
        }
        return Long.toHexString(f.hash);
    }

    /** FNV-1a over the parts of a record, each part closed by a separator so that parts cannot run together. */
    private static final class Fingerprint {
        private long hash = 0xcbf29ce484222325L;

        Fingerprint text(String text) {
            if (text != null) {
                for (int i = 0; i < text.length(); i++) {
                    mix(text.charAt(i));
                }
            }
            mix(0xffff);
            return this;
        }

        Fingerprint number(long value) {
            for (int i = 0; i < 8; i++) {
                mix((int) (value >>> (8 * i)) & 0xff);
            }
            mix(0xffff);
            return this;
        }

        private void mix(int unit) {
            hash = (hash ^ unit) * 0x100000001b3L;
        }
    }

    private Revision revision(int number, long day, long clockDay) {
        return new Revision(number, LocalDate.ofEpochDay(clockDay), day < clockDay - historicalAfterDays);
    }

    /** The revision after {@code earlier}, which remembers when each one before it was known (CAP references). */
    private Revision next(Revision earlier, long day, long clockDay) {
        return earlier.next(LocalDate.ofEpochDay(clockDay), day < clockDay - historicalAfterDays);
    }

    /** Visits the entries under {@code prefix} from {@code fromDay} on, with the key's rest after the prefix. */
    private void scan(String prefix, long fromDay, java.util.function.BiConsumer<String, String> visitor) {
        try (KeyValueIterator<String, String> range = published.range(prefix + SortableDay.of(fromDay),
                prefix + "~")) {
            range.forEachRemaining(kv -> visitor.accept(kv.key.substring(prefix.length()), kv.value));
        }
    }

    private static void count(String record, String change, Classification tier) {
        Metrics.counter("horizon.scoring.publications", "record", record, "change", change, "tier", tier.label())
                .increment();
    }
}

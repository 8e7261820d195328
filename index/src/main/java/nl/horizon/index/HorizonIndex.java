package nl.horizon.index;

import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.Report;
import nl.horizon.schema.Signal;
import nl.horizon.schema.TriageDecision;
import org.apache.kafka.common.TopicPartition;
import nl.horizon.schema.Classification;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import java.util.TreeMap;

/**
 * The on-disk Lucene index of reports, signals and country-risk history, kept exactly-once with Kafka:
 * the next offset to read of every partition is stored in the user data of the same commit that holds
 * the documents, so after a crash the indexer resumes from the last commit and never loses or
 * double-counts a document. Documents are upserted by id, so a record read twice is still one document.
 *
 * <p>Each {@link Compartment} (a classification, and a set of caveats for caveated reports) has an index of
 * its own ({@link IndexPartition}, in a folder named by it), so that a search's statistics come only from
 * what its caller may see. The uncaveated compartment of every level exists from the start; a caveated one
 * is made when its first report arrives. Every partition commits the same offsets; should a crash fall
 * between two partitions' commits, the indexer resumes from the lowest (from the start, when one has never
 * committed), and reading a record again changes nothing, since every write replaces or deletes by id.
 */
public final class HorizonIndex implements Closeable {

    private static final String OFFSET_PREFIX = "offset:";
    private static final io.micrometer.core.instrument.Timer REFRESH = io.micrometer.core.instrument.Timer
            .builder("horizon.index.refresh").description("making a batch of documents searchable")
            .register(io.micrometer.core.instrument.Metrics.globalRegistry);

    private final Path dir;
    /** Written by the indexer only, read by every search: a concurrent map, in folder order. */
    private final Map<Compartment, IndexPartition> partitions = new ConcurrentSkipListMap<>();
    private final ClearedSearchers views;
    private final HorizonSearch search;

    private HorizonIndex(Path dir) throws IOException {
        this.dir = dir;
        try {
            Set<Compartment> compartments = new TreeSet<>();
            for (Classification c : Classification.values()) {
                compartments.add(Compartment.of(c));
            }
            if (Files.isDirectory(dir)) {
                try (Stream<Path> folders = Files.list(dir)) {
                    folders.filter(Files::isDirectory).map(f -> Compartment.ofFolder(f.getFileName().toString()))
                            .flatMap(Optional::stream).forEach(compartments::add);
                }
            }
            for (Compartment c : compartments) {
                partitions.put(c, IndexPartition.open(c, dir));
            }
        } catch (IOException | RuntimeException e) {
            closeAll();
            throw e;
        }
        this.views = new ClearedSearchers(partitions.values());
        this.search = new HorizonSearch(views, IndexAnalysis.perField());
    }

    /**
     * Starts again from the last commit after a write failed (a full disk, a directory turned read-only):
     * what was added since is dropped, to be read again from Kafka. Search goes on meanwhile with what
     * was visible before the failure, and switches to the new writers' view once they open.
     *
     * @throws IOException while the directory still cannot be written; call again later
     */
    public void recover() throws IOException {
        for (IndexPartition p : partitions.values()) {
            p.recover();
        }
    }

    /** Opens (or creates) the index in {@code dir}. */
    public static HorizonIndex open(Path dir) throws IOException {
        return new HorizonIndex(dir);
    }

    /**
     * The next offset to read per partition, as of the last commit: the lowest any compartment's index
     * committed. A partition some compartment has no offset for is read from its start, and so is every
     * partition when a compartment has no commit at all: a crash between the first commits of two
     * compartments loses what the uncommitted one held, and only reading everything again brings it back
     * (upserts by id make that safe). Empty for a new index.
     */
    public Map<TopicPartition, Long> committedOffsets() throws IOException {
        List<Map<TopicPartition, Long>> committed = new ArrayList<>();
        for (IndexPartition p : partitions.values()) {
            Optional<Map<String, String>> data = p.committedData();
            if (data.isEmpty()) {
                return new HashMap<>();
            }
            committed.add(offsets(data.get()));
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition tp : committed.getFirst().keySet()) {
            if (committed.stream().allMatch(c -> c.containsKey(tp))) {
                offsets.put(tp, committed.stream().mapToLong(c -> c.get(tp)).min().orElseThrow());
            }
        }
        return offsets;
    }

    private static Map<TopicPartition, Long> offsets(Map<String, String> userData) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (Map.Entry<String, String> e : userData.entrySet()) {
            if (e.getKey().startsWith(OFFSET_PREFIX)) {
                String tp = e.getKey().substring(OFFSET_PREFIX.length());
                int dash = tp.lastIndexOf('-');
                offsets.put(new TopicPartition(tp.substring(0, dash), Integer.parseInt(tp.substring(dash + 1))),
                        Long.parseLong(e.getValue()));
            }
        }
        return offsets;
    }

    private static Map<String, String> offsetData(Map<TopicPartition, Long> offsets) {
        Map<String, String> userData = new TreeMap<>();
        offsets.forEach((tp, offset) -> userData.put(OFFSET_PREFIX + tp, Long.toString(offset)));
        return userData;
    }

    /**
     * Adds or replaces a report. Visible to search after {@link #refresh()}, durable after {@link #commit}.
     * A report marked anew (another classification under the same id) leaves the partition it was in.
     */
    public void upsert(Report report) throws IOException {
        Document doc = IndexDocuments.report(report);
        Term id = idOf(doc);
        Compartment compartment = Compartment.of(report.classification(), report.caveats());
        for (IndexPartition p : partitions.values()) {
            if (!p.compartment().equals(compartment)) {
                p.delete(id);
            }
        }
        partition(compartment).upsert(id, doc);
    }

    private IndexPartition partition(Compartment compartment) throws IOException {
        IndexPartition existing = partitions.get(compartment);
        if (existing != null) {
            return existing;
        }
        // it holds nothing yet, so it may start at the others' offsets: it was made for a report read after them
        Map<String, String> committed = offsetData(committedOffsets());
        IndexPartition made = IndexPartition.open(compartment, dir);
        if (!committed.isEmpty()) {
            made.commit(committed);
        }
        partitions.put(compartment, made);
        return made;
    }

    /** Adds or replaces a signal. */
    public void upsert(Signal signal) throws IOException {
        upsert(signal.classification(), IndexDocuments.signal(signal));
    }

    /** Adds or replaces a point of a country's risk history (one per country, tier and day). */
    public void upsert(CountryRisk risk) throws IOException {
        upsert(risk.classification(), IndexDocuments.risk(risk));
    }

    /**
     * Removes the risk point published under {@code key} ({@code <country>:<tier>:<day>}): late input showed
     * that nothing changed on that day after all (a tombstone on the compacted topic).
     */
    public void removeRisk(String key) throws IOException {
        Term id = new Term(IndexFields.ID, IndexDocuments.riskId(key));
        for (IndexPartition p : partitions.values()) {
            p.delete(id);
        }
    }

    /** Adds an analyst's triage decision. */
    public void upsert(TriageDecision decision) throws IOException {
        upsert(decision.classification(), IndexDocuments.triage(decision));
    }

    /** Signals, risk points and triage decisions come from scoring, which caveated reports never enter. */
    private void upsert(Classification classification, Document doc) throws IOException {
        partitions.get(Compartment.of(classification)).upsert(idOf(doc), doc);
    }

    private static Term idOf(Document doc) {
        return new Term(IndexFields.ID, doc.get(IndexFields.ID));
    }

    /** Makes the documents added so far durable together with the offsets they were read up to. */
    public void commit(Map<TopicPartition, Long> nextOffsets) throws IOException {
        Map<TopicPartition, Long> offsets = committedOffsets();
        offsets.putAll(nextOffsets);
        Map<String, String> userData = offsetData(offsets);
        for (IndexPartition p : partitions.values()) {
            p.commit(userData);
        }
    }

    /** Makes added documents visible to search (near-real-time, without a commit). */
    public void refresh() throws IOException {
        long start = System.nanoTime();
        for (IndexPartition p : partitions.values()) {
            p.refresh();
        }
        REFRESH.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Searches with the caller's clearance. */
    public HorizonSearch search() {
        return search;
    }

    /** Closes without committing: what was not committed is read again from Kafka on the next start. */
    @Override
    public void close() throws IOException {
        views.close();
        closeAll();
    }

    private void closeAll() throws IOException {
        IOException first = null;
        for (IndexPartition p : partitions.values()) {
            try {
                p.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}

package nl.horizon.index;

import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.Report;
import nl.horizon.schema.Signal;
import nl.horizon.schema.TriageDecision;
import org.apache.kafka.common.TopicPartition;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The on-disk Lucene index of reports, signals and country-risk history, kept exactly-once with Kafka:
 * the next offset to read of every partition is stored in the user data of the same commit that holds
 * the documents, so after a crash the indexer resumes from the last commit and never loses or
 * double-counts a document. Documents are upserted by id, so a record read twice is still one document.
 */
public final class HorizonIndex implements Closeable {

    private static final String OFFSET_PREFIX = "offset:";
    private static final io.micrometer.core.instrument.Timer REFRESH = io.micrometer.core.instrument.Timer
            .builder("horizon.index.refresh").description("making a batch of documents searchable")
            .register(io.micrometer.core.instrument.Metrics.globalRegistry);

    private final FSDirectory directory;
    private final HorizonSearch search;
    /** Replaced, with {@link #searchers}, when the index recovers from a failed write. */
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;

    private HorizonIndex(Path dir) throws IOException {
        this.directory = FSDirectory.open(dir);
        this.writer = newWriter();
        this.searchers = new SearcherManager(writer, null);
        this.search = new HorizonSearch(() -> searchers, writer.getConfig().getAnalyzer());
    }

    private IndexWriter newWriter() throws IOException {
        return new IndexWriter(directory, new IndexWriterConfig(IndexAnalysis.perField())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(false));
    }

    /**
     * Starts again from the last commit after a write failed (a full disk, a directory turned read-only):
     * what was added since is dropped, to be read again from Kafka. Search goes on meanwhile with what
     * was visible before the failure, and switches to the new writer's view once it opens.
     *
     * @throws IOException while the directory still cannot be written; call again later
     */
    public void recover() throws IOException {
        try {
            writer.rollback();
        } catch (IOException | RuntimeException alreadyBroken) {
            // a writer hit by a failure may have closed itself; its lock is released either way
        }
        IndexWriter fresh = newWriter();
        SearcherManager old = searchers;
        writer = fresh;
        searchers = new SearcherManager(fresh, null);
        old.close();
    }

    /** Opens (or creates) the index in {@code dir}. */
    public static HorizonIndex open(Path dir) throws IOException {
        return new HorizonIndex(dir);
    }

    /** The next offset to read per partition, as of the last commit; empty for a new index. */
    public Map<TopicPartition, Long> committedOffsets() throws IOException {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        if (!DirectoryReader.indexExists(directory)) {
            return offsets;
        }
        for (Map.Entry<String, String> e : DirectoryReader.listCommits(directory).getLast().getUserData().entrySet()) {
            if (e.getKey().startsWith(OFFSET_PREFIX)) {
                String tp = e.getKey().substring(OFFSET_PREFIX.length());
                int dash = tp.lastIndexOf('-');
                offsets.put(new TopicPartition(tp.substring(0, dash), Integer.parseInt(tp.substring(dash + 1))),
                        Long.parseLong(e.getValue()));
            }
        }
        return offsets;
    }

    /** Adds or replaces a report. Visible to search after {@link #refresh()}, durable after {@link #commit}. */
    public void upsert(Report report) throws IOException {
        upsert(IndexDocuments.report(report));
    }

    /** Adds or replaces a signal. */
    public void upsert(Signal signal) throws IOException {
        upsert(IndexDocuments.signal(signal));
    }

    /** Adds or replaces a point of a country's risk history (one per country, tier and day). */
    public void upsert(CountryRisk risk) throws IOException {
        upsert(IndexDocuments.risk(risk));
    }

    /**
     * Removes the risk point published under {@code key} ({@code <country>:<tier>:<day>}): late input showed
     * that nothing changed on that day after all (a tombstone on the compacted topic).
     */
    public void removeRisk(String key) throws IOException {
        writer.deleteDocuments(new Term(IndexFields.ID, IndexDocuments.riskId(key)));
    }

    /** Adds an analyst's triage decision. */
    public void upsert(TriageDecision decision) throws IOException {
        upsert(IndexDocuments.triage(decision));
    }

    private void upsert(Document doc) throws IOException {
        writer.updateDocument(new Term(IndexFields.ID, doc.get(IndexFields.ID)), doc);
    }

    /** Makes the documents added so far durable together with the offsets they were read up to. */
    public void commit(Map<TopicPartition, Long> nextOffsets) throws IOException {
        Map<String, String> userData = new TreeMap<>();
        committedOffsets().forEach((tp, offset) -> userData.put(OFFSET_PREFIX + tp, Long.toString(offset)));
        nextOffsets.forEach((tp, offset) -> userData.put(OFFSET_PREFIX + tp, Long.toString(offset)));
        writer.setLiveCommitData(userData.entrySet());
        writer.commit();
    }

    /** Makes added documents visible to search (near-real-time, without a commit). */
    public void refresh() throws IOException {
        long start = System.nanoTime();
        searchers.maybeRefreshBlocking();
        REFRESH.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Searches with the caller's clearance. */
    public HorizonSearch search() {
        return search;
    }

    /** Closes without committing: what was not committed is read again from Kafka on the next start. */
    @Override
    public void close() throws IOException {
        searchers.close();
        writer.rollback();
        directory.close();
    }
}

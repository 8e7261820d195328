package nl.horizon.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The documents of one {@link Compartment} (a classification and a set of caveats), in a Lucene index of
 * their own. Keeping compartments apart is what lets a search compute its term statistics (BM25's document
 * frequencies and lengths) over exactly the partitions its caller may see: a public hit scores the same
 * whether or not secret or caveated documents share its words, so relevance cannot be used to probe for
 * what a reader may not see.
 */
final class IndexPartition implements Closeable {

    /** The largest flushed or merged segment kept in memory until a commit, and all of them together. */
    private static final double CACHED_SEGMENT_MB = 8;
    private static final double CACHED_TOTAL_MB = 64;

    private final Compartment compartment;
    /**
     * The partition's folder, with the small segments that near-real-time refreshes flush (and their merges)
     * kept in memory until a commit syncs them: a refresh then writes no files, and most merges read and write
     * none. A commit writes and syncs them as before, so what a commit holds is on disk as it was.
     */
    private final Directory directory;
    /** Replaced, with {@link #searchers}, when the partition recovers from a failed write. */
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;

    private IndexPartition(Compartment compartment, Path dir) throws IOException {
        this.compartment = compartment;
        this.directory = new NRTCachingDirectory(FSDirectory.open(dir), CACHED_SEGMENT_MB, CACHED_TOTAL_MB);
        this.writer = newWriter();
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens (or creates) the partition of {@code compartment} in its folder of {@code indexDir}. */
    static IndexPartition open(Compartment compartment, Path indexDir) throws IOException {
        return new IndexPartition(compartment, indexDir.resolve(compartment.folder()));
    }

    private IndexWriter newWriter() throws IOException {
        return new IndexWriter(directory, new IndexWriterConfig(IndexAnalysis.perField())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(false));
    }

    Compartment compartment() {
        return compartment;
    }

    /** The user data of the last commit; empty when nothing was committed yet. */
    Optional<Map<String, String>> committedData() throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return Optional.empty();
        }
        return Optional.of(DirectoryReader.listCommits(directory).getLast().getUserData());
    }

    void upsert(Term id, Document doc) throws IOException {
        writer.updateDocument(id, doc);
    }

    void delete(Term id) throws IOException {
        writer.deleteDocuments(id);
    }

    void commit(Map<String, String> userData) throws IOException {
        writer.setLiveCommitData(userData.entrySet());
        writer.commit();
    }

    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** The searchers of the partition's current writer. */
    SearcherManager searchers() {
        return searchers;
    }

    /** Drops what was written since the last commit and opens a fresh writer; see {@link HorizonIndex#recover()}. */
    void recover() throws IOException {
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

    /** Closes without committing. */
    @Override
    public void close() throws IOException {
        searchers.close();
        writer.rollback();
        directory.close();
    }
}

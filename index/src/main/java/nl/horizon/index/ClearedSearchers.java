package nl.horizon.index;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens a view of the index made of exactly the partitions a reader may see (by clearance and the caveats
 * they hold), read through one {@link MultiReader}. Term and collection statistics, and with them every relevance score, total and
 * facet count, then come from those documents alone.
 *
 * <p>The view of each reader's clearance and caveats is kept until a partition refreshes, so that what is cached per reader
 * (facet ordinals, the query cache) lasts from one search to the next. A view is reference-counted: one
 * replaced while a search still reads it closes when that search ends.
 */
final class ClearedSearchers implements Closeable {

    private final Collection<IndexPartition> partitions;
    private final Map<Visibility, View> views = new HashMap<>();

    /** @param partitions a live view of the index's partitions, which grows as caveated ones are made */
    ClearedSearchers(Collection<IndexPartition> partitions) {
        this.partitions = partitions;
    }

    /** Work on one view. */
    @FunctionalInterface
    interface Work<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** The partitions' readers a view was opened on, and the searcher over them. */
    private record View(List<IndexReader> parts, MultiReader reader, IndexSearcher searcher) {
    }

    /** Runs {@code work} on the partitions a reader may see, as they were last refreshed. */
    <T> T withView(Visibility reader, Work<T> work) throws IOException {
        View view = acquire(reader);
        try {
            return work.apply(view.searcher());
        } finally {
            view.reader().decRef();
        }
    }

    private synchronized View acquire(Visibility reader) throws IOException {
        List<SearcherManager> managers = new ArrayList<>();
        List<IndexSearcher> acquired = new ArrayList<>();
        try {
            for (IndexPartition p : partitions) {
                if (p.compartment().visibleTo(reader.clearance(), reader.caveats())) {
                    SearcherManager manager = p.searchers();
                    acquired.add(manager.acquire());
                    managers.add(manager);
                }
            }
            List<IndexReader> parts = acquired.stream().map(IndexSearcher::getIndexReader).toList();
            View current = views.get(reader);
            if (current == null || !current.parts().equals(parts)) {
                MultiReader visible = new MultiReader(parts.toArray(IndexReader[]::new), false);
                View fresh = new View(parts, visible, new IndexSearcher(visible));
                views.put(reader, fresh);
                if (current != null) {
                    current.reader().decRef();
                }
                current = fresh;
            }
            current.reader().incRef();
            return current;
        } finally {
            for (int i = 0; i < acquired.size(); i++) {
                managers.get(i).release(acquired.get(i));
            }
        }
    }

    /** Lets go of the kept views; each closes when the last search on it ends. */
    @Override
    public synchronized void close() throws IOException {
        for (View view : views.values()) {
            view.reader().decRef();
        }
        views.clear();
    }
}

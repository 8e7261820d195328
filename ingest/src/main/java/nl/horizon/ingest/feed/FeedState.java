package nl.horizon.ingest.feed;

import nl.horizon.formats.SourceItem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a feed task remembers across restarts, kept as the Kafka Connect source offset of its records:
 * the validators for the next conditional GET, and the most recent item ids (with their versions), so
 * that items a feed publishes again are not sent twice, and items it revises are.
 */
final class FeedState {

    private static final String ETAG = "etag";
    private static final String LAST_MODIFIED = "lastModified";
    private static final String SEEN = "seen";

    private Optional<String> etag = Optional.empty();
    private Optional<String> lastModified = Optional.empty();
    /** In the order remembered, oldest first (a {@code LinkedHashSet}: SequencedSet needs Java 21, this runs on 17). */
    private final LinkedHashSet<String> seen = new LinkedHashSet<>();
    private final int maxSeen;

    FeedState(int maxSeen) {
        this.maxSeen = maxSeen;
    }

    /** Restores the state from a stored offset; a missing offset is a new feed. */
    static FeedState fromOffset(Map<String, Object> offset, int maxSeen) {
        FeedState state = new FeedState(maxSeen);
        if (offset != null) {
            state.etag = Optional.ofNullable((String) offset.get(ETAG));
            state.lastModified = Optional.ofNullable((String) offset.get(LAST_MODIFIED));
            Object seen = offset.get(SEEN);
            if (seen instanceof String ids && !ids.isEmpty()) {
                state.remember(List.of(ids.split("\n")));
            }
        }
        return state;
    }

    /** The state as a source offset (only strings, so every offset store keeps it as is). */
    Map<String, Object> toOffset() {
        Map<String, Object> offset = new java.util.HashMap<>();
        etag.ifPresent(e -> offset.put(ETAG, e));
        lastModified.ifPresent(m -> offset.put(LAST_MODIFIED, m));
        offset.put(SEEN, String.join("\n", seen));
        return offset;
    }

    Optional<String> etag() {
        return etag;
    }

    Optional<String> lastModified() {
        return lastModified;
    }

    void validators(Optional<String> etag, Optional<String> lastModified) {
        this.etag = etag;
        this.lastModified = lastModified;
    }

    boolean seen(String key) {
        return seen.contains(key);
    }

    /** What is remembered of an item: its id, and its version where the source gives one. */
    static String seenKey(SourceItem item) {
        return item.version() == null ? item.itemId() : item.itemId() + " @ " + item.version();
    }

    /** Remembers ids, forgetting the oldest beyond the limit. */
    void remember(Collection<String> itemIds) {
        for (String id : itemIds) {
            seen.remove(id);
            seen.add(id.replace('\n', ' '));
        }
        while (seen.size() > maxSeen) {
            seen.remove(seen.iterator().next());
        }
    }

    FeedState copy() {
        FeedState copy = new FeedState(maxSeen);
        copy.etag = etag;
        copy.lastModified = lastModified;
        copy.remember(new ArrayList<>(seen));
        return copy;
    }
}

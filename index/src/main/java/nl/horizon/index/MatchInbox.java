package nl.horizon.index;

import nl.horizon.schema.Classification;
import nl.horizon.schema.Identity;
import nl.horizon.schema.Match;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest saved-query matches per owner, for notifications. Read back with the owner's current
 * clearance, so a match recorded under a higher clearance is not shown after it was lowered. Owners are
 * identities; one stored plainly, before identities had namespaces, is read as {@link Identity#owner} says.
 */
public final class MatchInbox {

    private static final int PER_OWNER = 200;

    private final Map<String, Deque<Match>> byOwner = new ConcurrentHashMap<>();

    void add(Match match) {
        Deque<Match> matches = byOwner.computeIfAbsent(Identity.owner(match.owner()), o -> new ArrayDeque<>());
        synchronized (matches) {
            matches.addFirst(match);
            while (matches.size() > PER_OWNER) {
                matches.removeLast();
            }
        }
    }

    /** The owner's ({@link Identity#id()}) matches the caller may see, newest first. */
    public List<Match> of(String owner, Classification clearance) {
        Deque<Match> matches = byOwner.getOrDefault(owner, new ArrayDeque<>());
        synchronized (matches) {
            return matches.stream().filter(m -> m.classification().visibleTo(clearance)).toList();
        }
    }
}

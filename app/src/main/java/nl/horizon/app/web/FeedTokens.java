package nl.horizon.app.web;

import com.fasterxml.jackson.core.type.TypeReference;
import nl.horizon.schema.Classification;
import nl.horizon.schema.ContentHash;
import nl.horizon.schema.Identity;
import nl.horizon.schema.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Per-user tokens for feed readers, which cannot send a bearer header but can keep a URL:
 * {@code /feeds/signals.atom?token=…}. A signed-in reader makes one, lists its own and revokes any of them;
 * a token opens the feed routes only, as a viewer holding at most the clearance and caveats its owner held
 * when making it and, for an account, at most what the account holds when the token is used (an account
 * that is gone, or no longer reads, takes its tokens' power with it). Only each token's SHA-256 is kept,
 * in an owner-only file in the data directory, rewritten whole on every change, so tokens survive a
 * restart and the file holds no secret.
 */
public final class FeedTokens {

    /** The prefix of every feed token: tells a reader of a log or a URL what it is looking at. */
    static final String PREFIX = "hft_";

    /**
     * A stored token.
     *
     * @param owner         the owner's {@link Identity#id()}
     * @param tokenSha256   the hash of the token; the token itself is shown once, when made
     */
    record Stored(String id, String owner, String ownerName, Classification clearance, Set<String> caveats,
                  Instant createdAt, String tokenSha256) {
    }

    /** A token as its owner sees it in the list: never the token itself. */
    public record Listed(String id, Classification clearance, Set<String> caveats, Instant createdAt) {
    }

    /** A token just made: the only time {@code token} is shown. */
    public record Issued(String id, String token, Classification clearance, Set<String> caveats, Instant createdAt) {
    }

    /**
     * What an account may do now: empty when it is gone. A person's standing is known only from the token
     * they sign in with, so a person's feed token holds what they held when making it.
     */
    @FunctionalInterface
    public interface Standing {
        Optional<Caller> account(String id);
    }

    private final Path file;
    private final Clock clock;
    private final Standing standing;
    private final Map<String, Stored> byHash = new ConcurrentHashMap<>();

    private FeedTokens(Path file, Clock clock, Standing standing) {
        this.file = file;
        this.clock = clock;
        this.standing = standing;
    }

    /**
     * The tokens kept in {@code file} (none when it does not exist yet).
     *
     * @param standing what an owner may do when its token is used
     */
    public static FeedTokens open(Path file, Clock clock, Standing standing) throws IOException {
        FeedTokens tokens = new FeedTokens(file, clock, standing);
        if (Files.exists(file)) {
            for (Stored stored : Json.mapper().readValue(file.toFile(), new TypeReference<List<Stored>>() { })) {
                tokens.byHash.put(stored.tokenSha256(), stored);
            }
        }
        return tokens;
    }

    /** Makes a token for a reader, with the reader's clearance and caveats. */
    public synchronized Issued create(Caller owner) throws IOException {
        String token = PREFIX + Accounts.newToken();
        Stored stored = new Stored(UUID.randomUUID().toString(), owner.id(), owner.name(), owner.clearance(),
                new TreeSet<>(owner.caveats()), clock.instant(), hash(token));
        byHash.put(stored.tokenSha256(), stored);
        save();
        return new Issued(stored.id(), token, stored.clearance(), stored.caveats(), stored.createdAt());
    }

    /** The owner's tokens, oldest first. */
    public List<Listed> of(String owner) {
        return byHash.values().stream().filter(s -> s.owner().equals(owner))
                .sorted(Comparator.comparing(Stored::createdAt))
                .map(s -> new Listed(s.id(), s.clearance(), s.caveats(), s.createdAt())).toList();
    }

    /** Revokes one of the owner's tokens; false when the owner has none with that id. */
    public synchronized boolean revoke(String id, String owner) throws IOException {
        boolean removed = byHash.values().removeIf(s -> s.id().equals(id) && s.owner().equals(owner));
        if (removed) {
            save();
        }
        return removed;
    }

    /** Who a feed token reads as: a viewer within its owner's clearance and caveats, now and when it was made. */
    public Optional<Caller> authenticate(String token) {
        if (!token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        Stored stored = byHash.get(hash(token));
        if (stored == null) {
            return Optional.empty();
        }
        Identity identity = new Identity(stored.owner(), stored.ownerName());
        if (!stored.owner().startsWith(Identity.ACCOUNT)) {
            return Optional.of(new Caller(identity, Set.of(Role.VIEWER), stored.clearance(), stored.caveats()));
        }
        return standing.account(stored.owner()).filter(Access.READERS::admits).map(now -> new Caller(identity,
                Set.of(Role.VIEWER), stored.clearance().visibleTo(now.clearance()) ? stored.clearance() : now.clearance(),
                stored.caveats().stream().filter(now.caveats()::contains).collect(Collectors.toSet())));
    }

    private static String hash(String token) {
        return ContentHash.of(token.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes every token to a new file, readable by its owner only, and puts it in place in one step. */
    private void save() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.deleteIfExists(next);
        if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
            Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.write(next, Json.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(new ArrayList<>(byHash.values())));
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

package nl.horizon.app.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Markings;
import nl.horizon.schema.ContentHash;
import nl.horizon.schema.Identity;
import org.apache.kafka.common.config.ConfigException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Service accounts, posts and partners that authenticate with a bearer token. Only the SHA-256 of each
 * token is stored (in {@code config/accounts.yaml}), so the file holds no secret; tokens are random and
 * long, so a fast hash is enough. Lookup compares every hash in constant time.
 */
public final class Accounts {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** One entry of the accounts file. */
    record Entry(String name, List<String> roles, String clearance, List<String> caveats,
                 @JsonProperty("token-sha256") String tokenSha256) {
    }

    record File(List<Entry> accounts) {
    }

    private record Account(Caller caller, byte[] tokenHash) {
    }

    private final List<Account> accounts;

    private Accounts(List<Account> accounts) {
        this.accounts = List.copyOf(accounts);
    }

    /** No accounts: every request is anonymous. */
    public static Accounts none() {
        return new Accounts(List.of());
    }

    /**
     * Reads and checks the accounts file; a missing file means no accounts.
     *
     * @throws ConfigException naming the account and the bad field
     */
    public static Accounts load(Path file, Markings markings) {
        if (!Files.exists(file)) {
            return none();
        }
        File parsed;
        try {
            parsed = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile(), File.class);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
        List<Account> accounts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Entry entry : parsed == null || parsed.accounts() == null ? List.<Entry>of() : parsed.accounts()) {
            accounts.add(account(file, entry, names, markings));
        }
        return new Accounts(accounts);
    }

    private static Account account(Path file, Entry entry, Set<String> names, Markings markings) {
        String where = file + ", account '" + entry.name() + "'";
        if (entry.name() == null || !NAME.matcher(entry.name()).matches()) {
            throw new ConfigException(where + ": name must be lower-case letters, digits and '-'");
        }
        if (!names.add(entry.name())) {
            throw new ConfigException(where + ": the name is used twice");
        }
        if (entry.tokenSha256() == null || !SHA256.matcher(entry.tokenSha256()).matches()) {
            throw new ConfigException(where + ": token-sha256 must be 64 lower-case hex digits (see ./horizon token)");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        try {
            for (String role : entry.roles() == null ? List.<String>of() : entry.roles()) {
                roles.add(Role.parse(role));
            }
            Classification clearance = entry.clearance() == null ? Classification.PUBLIC
                    : Classification.parse(entry.clearance());
            Set<String> caveats = new TreeSet<>();
            for (String caveat : entry.caveats() == null ? List.<String>of() : entry.caveats()) {
                caveats.add(markings.caveat(caveat));
            }
            return new Account(new Caller(Identity.account(entry.name()), Set.copyOf(roles), clearance, caveats),
                    HexFormat.of().parseHex(entry.tokenSha256()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        }
    }

    /**
     * These accounts, plus a demo analyst cleared for everything when none of them may read the dashboard:
     * a fresh clone then has someone to sign in as. Its token is kept in {@code tokenFile} (readable by
     * the owner only, never printed or logged) and reused on later starts; it is removed once real readers
     * are configured.
     */
    public Accounts withDemoAnalystIfNoReaders(Path tokenFile) throws IOException {
        boolean readers = accounts.stream().anyMatch(a -> a.caller().has(Role.VIEWER) || a.caller().has(Role.ANALYST)
                || a.caller().has(Role.ADMIN));
        if (readers) {
            Files.deleteIfExists(tokenFile);
            return this;
        }
        String token = SecretFile.readOrCreate(tokenFile);
        List<Account> all = new ArrayList<>(accounts);
        all.add(new Account(new Caller(Identity.account("demo-analyst"), Set.of(Role.VIEWER, Role.ANALYST), Classification.top()),
                HexFormat.of().parseHex(ContentHash.of(token.getBytes(StandardCharsets.UTF_8)))));
        return new Accounts(all);
    }

    /** The account a bearer token belongs to. */
    public Optional<Caller> authenticate(String token) {
        byte[] hash = HexFormat.of().parseHex(ContentHash.of(token.getBytes(StandardCharsets.UTF_8)));
        Caller found = null;
        for (Account account : accounts) {
            if (MessageDigest.isEqual(account.tokenHash(), hash)) {
                found = account.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The account with an identity ({@code account:<name>}), as it stands now. */
    public Optional<Caller> caller(String id) {
        return accounts.stream().map(Account::caller).filter(c -> c.id().equals(id)).findFirst();
    }

    /** A new random token (256 bits, URL-safe). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

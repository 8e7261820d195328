package nl.horizon.ingest.feed;

import nl.horizon.schema.Classification;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Configuration of one feed connector: every key declared once, with type, default, validator and doc. */
public final class FeedConfig extends AbstractConfig {

    public static final String NAME = "feed.name";
    public static final String URL = "feed.url";
    public static final String FORMAT = "feed.format";
    public static final String CLASSIFICATION = "feed.classification";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final String REQUEST_TIMEOUT_MS = "request.timeout.ms";
    public static final String MAX_DOCUMENT_BYTES = "max.document.bytes";
    public static final String MAX_PAGES = "max.pages";
    public static final String BACKOFF_INITIAL_MS = "backoff.initial.ms";
    public static final String BACKOFF_MAX_MS = "backoff.max.ms";
    public static final String SEEN_IDS_MAX = "seen.ids.max";
    public static final String TOKEN_FILE = "feed.token.file";

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(NAME, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    parses(v -> v.matches("[a-z0-9][a-z0-9-]{0,62}") ? v : fail("lower-case letters, digits and '-'")),
                    ConfigDef.Importance.HIGH, "The feed's name: the source name of its reports.")
            .define(URL, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, parses(FeedConfig::httpUri),
                    ConfigDef.Importance.HIGH, "The http(s) address to poll.")
            .define(FORMAT, ConfigDef.Type.STRING, FeedKind.RSS.label(), parses(FeedKind::parse),
                    ConfigDef.Importance.HIGH, "rss (RSS or Atom), reliefweb-api or crisiswatch-json.")
            .define(CLASSIFICATION, ConfigDef.Type.STRING, Classification.PUBLIC.label(),
                    parses(Classification::parse), ConfigDef.Importance.MEDIUM, "Classification of its reports.")
            .define(POLL_INTERVAL_MS, ConfigDef.Type.LONG, 900_000L, ConfigDef.Range.atLeast(100),
                    ConfigDef.Importance.MEDIUM, "Time between polls of this feed.")
            .define(REQUEST_TIMEOUT_MS, ConfigDef.Type.LONG, 30_000L, ConfigDef.Range.between(100, 600_000),
                    ConfigDef.Importance.LOW, "How long one request may take, connecting included.")
            .define(MAX_DOCUMENT_BYTES, ConfigDef.Type.INT, 10 << 20, ConfigDef.Range.between(1024, 1 << 30),
                    ConfigDef.Importance.MEDIUM, "Largest document accepted; a larger one is rejected as oversized.")
            .define(MAX_PAGES, ConfigDef.Type.INT, 5, ConfigDef.Range.between(1, 1000), ConfigDef.Importance.LOW,
                    "Most pages followed per poll (ReliefWeb API), while a page holds only new reports.")
            .define(BACKOFF_INITIAL_MS, ConfigDef.Type.LONG, 1_000L, ConfigDef.Range.atLeast(10),
                    ConfigDef.Importance.LOW, "Wait after a first failed fetch; doubles with each further failure.")
            .define(BACKOFF_MAX_MS, ConfigDef.Type.LONG, 900_000L, ConfigDef.Range.atLeast(10),
                    ConfigDef.Importance.LOW, "Longest wait between failed fetches.")
            .define(SEEN_IDS_MAX, ConfigDef.Type.INT, 5000, ConfigDef.Range.between(10, 1_000_000),
                    ConfigDef.Importance.LOW, "How many recent item ids are remembered to skip re-published items.")
            .define(TOKEN_FILE, ConfigDef.Type.STRING, "", parses(FeedConfig::tokenIn), ConfigDef.Importance.HIGH,
                    "A file holding a bearer token sent as 'Authorization: Bearer' (another Horizon's viewer account). "
                            + "Only the file's name is configuration, so the token never appears in logged configs. "
                            + "Empty: no credentials.");

    public FeedConfig(Map<String, String> props) {
        super(DEFINITION, props);
        URI url = url();
        if (!getString(TOKEN_FILE).isEmpty() && "http".equals(url.getScheme()) && !loopback(url.getHost())) {
            throw new ConfigException(TOKEN_FILE, getString(TOKEN_FILE), "a token is sent only over https (or to "
                    + "this machine): " + URL + " is " + url);
        }
    }

    public String name() {
        return getString(NAME);
    }

    public URI url() {
        return httpUri(getString(URL));
    }

    public FeedKind format() {
        return FeedKind.parse(getString(FORMAT));
    }

    public Classification classification() {
        return Classification.parse(getString(CLASSIFICATION));
    }

    public Duration pollInterval() {
        return Duration.ofMillis(getLong(POLL_INTERVAL_MS));
    }

    public Duration requestTimeout() {
        return Duration.ofMillis(getLong(REQUEST_TIMEOUT_MS));
    }

    public int maxDocumentBytes() {
        return getInt(MAX_DOCUMENT_BYTES);
    }

    public int maxPages() {
        return getInt(MAX_PAGES);
    }

    public Duration backoffInitial() {
        return Duration.ofMillis(getLong(BACKOFF_INITIAL_MS));
    }

    public Duration backoffMax() {
        return Duration.ofMillis(getLong(BACKOFF_MAX_MS));
    }

    public int seenIdsMax() {
        return getInt(SEEN_IDS_MAX);
    }

    /** The bearer token to send, read from {@value #TOKEN_FILE}; empty when none is configured. */
    public Optional<String> token() {
        String file = getString(TOKEN_FILE);
        return file.isEmpty() ? Optional.empty() : Optional.of(tokenIn(file));
    }

    /** The token in {@code file}: its content, trimmed; a missing, unreadable or empty file is an error. */
    private static String tokenIn(String file) {
        if (file.isEmpty()) {
            return "";
        }
        try {
            String token = Files.readString(Path.of(file)).trim();
            if (token.isEmpty() || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw new IllegalArgumentException("expected a file holding one token (printable ASCII, no spaces)");
            }
            return token;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the token file: " + e);
        }
    }

    private static boolean loopback(String host) {
        return "localhost".equals(host) || host.startsWith("127.") || "[::1]".equals(host) || "::1".equals(host);
    }

    private static URI httpUri(String value) {
        URI uri = URI.create(value);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) address");
        }
        return uri;
    }

    private static <T> T fail(String expected) {
        throw new IllegalArgumentException("expected " + expected);
    }

    /** A validator that accepts what {@code parser} accepts, and names the key and value otherwise. */
    private static ConfigDef.Validator parses(Function<String, ?> parser) {
        return (name, value) -> {
            try {
                parser.apply((String) value);
            } catch (RuntimeException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        };
    }
}

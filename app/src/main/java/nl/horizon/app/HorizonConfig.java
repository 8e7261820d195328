package nl.horizon.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import nl.horizon.app.web.PeopleTokens;
import nl.horizon.schema.Markings;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Horizon's runtime configuration: {@code config/horizon.yaml} or the file given with {@code --config},
 * nested YAML flattened to dotted keys, then overridden by environment variables ({@code HORIZON_HTTP_PORT}
 * for {@code http.port}). Every key is declared once below with type, default, validator and doc; an
 * unknown key, a bad value or a given file that does not exist stops the start with an error that names
 * the key, the value or the file. Keys under {@code kafka.client.} pass through to every Kafka client
 * (security protocol, SASL, TLS).
 */
public final class HorizonConfig extends AbstractConfig {

    public static final String DATA_DIR = "data.dir";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    public static final String KAFKA_EMBEDDED_PORT = "kafka.embedded.port";
    public static final String KAFKA_EMBEDDED_CONTROLLER_PORT = "kafka.embedded.controller.port";
    public static final String KAFKA_PARTITIONS = "kafka.topic.partitions";
    public static final String KAFKA_REPLICATION_FACTOR = "kafka.topic.replication.factor";
    public static final String KAFKA_CLIENT_PREFIX = "kafka.client.";
    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";
    public static final String STREAMS_THREADS = "streams.threads";
    public static final String POSTS_DIR = "ingest.posts.dir";
    public static final String POSTS_POLL_INTERVAL_MS = "ingest.posts.poll.interval.ms";
    public static final String MAX_ITEM_BYTES = "ingest.max.item.bytes";
    public static final String EVENTS_DIR = "ingest.events.dir";
    public static final String STRUCTURAL_DIR = "ingest.structural.dir";
    public static final String COUPS_DIR = "ingest.coups.dir";
    public static final String FEEDS_FILE = "ingest.feeds.file";
    public static final String ACCOUNTS_FILE = "security.accounts.file";
    public static final String MARKINGS_FILE = "security.markings.file";
    public static final String OIDC_JWKS = "security.oidc.jwks";
    public static final String OIDC_ISSUER = "security.oidc.issuer";
    public static final String OIDC_AUDIENCE = "security.oidc.audience";
    public static final String HTTP_SECURE_COOKIES = "http.secure.cookies";
    public static final String HTTP_PUBLIC_BASE_URL = "http.public.base.url";
    public static final String SAMPLES_DIR = "samples.dir";
    public static final String SAMPLES_COUPS_FILE = "samples.coups.file";
    public static final String CAP_SENDER = "cap.sender";
    public static final String CAP_VALIDITY_DAYS = "cap.validity.days";
    public static final String SCORING_DIR = "scoring.config.dir";

    /** Where the configuration is read from unless {@code --config} names another file. */
    public static final Path DEFAULT_FILE = Path.of("config", "horizon.yaml");

    static final String ENV_PREFIX = "HORIZON_";

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(DATA_DIR, ConfigDef.Type.STRING, "data", new ConfigDef.NonEmptyString(), ConfigDef.Importance.HIGH,
                    "Where Horizon keeps its state: the embedded broker's log, Streams state, the index, the inbox.")
            .define(KAFKA_BOOTSTRAP_SERVERS, ConfigDef.Type.STRING, "", ConfigDef.Importance.HIGH,
                    "Kafka cluster to use. Empty: start an embedded single-node KRaft broker under data.dir.")
            .define(KAFKA_EMBEDDED_PORT, ConfigDef.Type.INT, 19092, ConfigDef.Range.between(1, 65535),
                    ConfigDef.Importance.LOW, "Port of the embedded broker's client listener (127.0.0.1).")
            .define(KAFKA_EMBEDDED_CONTROLLER_PORT, ConfigDef.Type.INT, 19093, ConfigDef.Range.between(1, 65535),
                    ConfigDef.Importance.LOW, "Port of the embedded broker's KRaft controller listener (127.0.0.1).")
            .define(KAFKA_PARTITIONS, ConfigDef.Type.INT, 3, ConfigDef.Range.between(1, 1024),
                    ConfigDef.Importance.MEDIUM, "Partitions of each topic Horizon creates; bounds its parallelism.")
            .define(KAFKA_REPLICATION_FACTOR, ConfigDef.Type.SHORT, (short) 1, ConfigDef.Range.between(1, 7),
                    ConfigDef.Importance.MEDIUM, "Replication factor of the topics Horizon creates (3 in production).")
            .define(HTTP_HOST, ConfigDef.Type.STRING, "127.0.0.1", new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.MEDIUM, "Address the HTTP API and dashboard listen on.")
            .define(HTTP_PORT, ConfigDef.Type.INT, 8080, ConfigDef.Range.between(0, 65535), ConfigDef.Importance.MEDIUM,
                    "Port of the HTTP API and dashboard; 0 picks a free one.")
            .define(STREAMS_THREADS, ConfigDef.Type.INT, 1, ConfigDef.Range.between(1, 64), ConfigDef.Importance.LOW,
                    "Kafka Streams threads in this instance.")
            .define(POSTS_DIR, ConfigDef.Type.STRING, "", ConfigDef.Importance.MEDIUM,
                    "Drop folder of the post network. Empty: <data.dir>/inbox/posts.")
            .define(POSTS_POLL_INTERVAL_MS, ConfigDef.Type.LONG, 1000L, ConfigDef.Range.atLeast(50),
                    ConfigDef.Importance.LOW, "How often the post drop folder is checked when idle.")
            .define(EVENTS_DIR, ConfigDef.Type.STRING, "", ConfigDef.Importance.MEDIUM,
                    "Drop folder for event tables (ACLED/UCDP CSV, GDELT 1.0 TSV). Empty: <data.dir>/inbox/events.")
            .define(STRUCTURAL_DIR, ConfigDef.Type.STRING, "", ConfigDef.Importance.MEDIUM,
                    "Drop folder for structural tables (World Bank indicator CSV, Our World in Data CSV) read by the "
                            + "onset forecast. Empty: <data.dir>/inbox/structural.")
            .define(COUPS_DIR, ConfigDef.Type.STRING, "", ConfigDef.Importance.MEDIUM,
                    "Drop folder for coup tables (Powell & Thyne CSV: country, year, month, day, coup) read by the "
                            + "onset forecast's coup features. Empty: <data.dir>/inbox/coups.")
            .define(FEEDS_FILE, ConfigDef.Type.STRING, "config/feeds.yaml", ConfigDef.Importance.MEDIUM,
                    "The feeds to poll (RSS/Atom, ReliefWeb API, CrisisWatch JSON); see docs/connectors.md.")
            .define(ACCOUNTS_FILE, ConfigDef.Type.STRING, "config/accounts.yaml", ConfigDef.Importance.HIGH,
                    "Accounts that authenticate with a bearer token (only token hashes are stored).")
            .define(MARKINGS_FILE, ConfigDef.Type.STRING, "", ConfigDef.Importance.HIGH,
                    "The marking vocabulary (levels' names, accepted levels, caveats, refused markings) that posts' "
                            + "classifications are read with. Empty: config/classification.yaml as shipped.")
            .define(OIDC_JWKS, ConfigDef.Type.STRING, "", ConfigDef.Importance.HIGH,
                    "The identity provider's JWKS (an https:// address or a file) that people's JWT bearer tokens are "
                            + "checked against. Empty: people sign in with account tokens only.")
            .define(OIDC_ISSUER, ConfigDef.Type.STRING, "", ConfigDef.Importance.HIGH,
                    "The 'iss' a person's JWT must carry.")
            .define(OIDC_AUDIENCE, ConfigDef.Type.STRING, "horizon", ConfigDef.Importance.HIGH,
                    "The 'aud' a person's JWT must include.")
            .define(HTTP_SECURE_COOKIES, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.MEDIUM,
                    "Mark the dashboard's session cookie Secure; set it whenever the dashboard is reached over HTTPS.")
            .define(HTTP_PUBLIC_BASE_URL, ConfigDef.Type.STRING, "", HorizonConfig::checkBaseUrl,
                    ConfigDef.Importance.HIGH, "Where readers reach the dashboard (https://horizon.example.org): "
                            + "every absolute link in feeds and CAP alerts starts with it, never with a request's Host "
                            + "header. Empty: http://localhost:<http.port>.")
            .define(MAX_ITEM_BYTES, ConfigDef.Type.INT, 1 << 20, ConfigDef.Range.between(1024, 64 << 20),
                    ConfigDef.Importance.MEDIUM, "Largest single item accepted from any source.")
            .define(SCORING_DIR, ConfigDef.Type.STRING, "config", new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.HIGH, "Folder with taxonomy.yaml (indicators and lexicons), scoring.yaml "
                            + "(windows, thresholds), places.yaml (place names per country) and demonyms.yaml (demonyms per country).")
            .define(CAP_SENDER, ConfigDef.Type.STRING, "", (name, value) -> {
                        String v = value == null ? "" : value.toString();
                        if (!v.matches("[^\\s,<>&]*")) {
                            throw new ConfigException(name, value, "a CAP sender has no spaces, commas, '<', '>' or '&'");
                        }
                    }, ConfigDef.Importance.MEDIUM, "The sender of Horizon's CAP alerts: who readers and other "
                            + "alerting systems know this Horizon as. Empty: the host of http.public.base.url.")
            .define(CAP_VALIDITY_DAYS, ConfigDef.Type.INT, 30, ConfigDef.Range.between(1, 3650),
                    ConfigDef.Importance.LOW, "How many days after it was sent a CAP alert holds (its expires), "
                            + "unless a later revision supersedes it.")
            .define(SAMPLES_DIR, ConfigDef.Type.STRING, "", ConfigDef.Importance.LOW,
                    "Sample reports copied into the drop folders on the first start of a new data.dir. "
                            + "Empty: none.")
            .define(SAMPLES_COUPS_FILE, ConfigDef.Type.STRING, "", ConfigDef.Importance.LOW,
                    "A coup table copied into ingest.coups.dir once per data.dir, on the first start at which the "
                            + "file exists (the shipped configuration names Powell & Thyne's table in ../shared/data). "
                            + "Empty: none.");

    private static final Map<String, String> KEYS_BY_VARIABLE = DEFINITION.names().stream()
            .collect(Collectors.toMap(HorizonConfig::envName, key -> key, (a, b) -> a, TreeMap::new));
    private static final String CLIENT_VARIABLE_PREFIX = envName(KAFKA_CLIENT_PREFIX);

    private HorizonConfig(Map<String, String> values) {
        super(DEFINITION, values, false);
    }

    /**
     * Reads {@code file}, which must exist (a mistyped {@code --config} must not start Horizon on defaults),
     * and the environment.
     *
     * @throws ConfigException naming the file, the key and the bad value
     */
    public static HorizonConfig load(Path file, Map<String, String> env) {
        if (!Files.exists(file)) {
            throw new ConfigException("configuration file " + file.toAbsolutePath() + " does not exist");
        }
        return load(file, readYaml(file), env);
    }

    /** Reads {@link #DEFAULT_FILE} if there is one (without it: the defaults) and the environment. */
    public static HorizonConfig loadDefault(Map<String, String> env) {
        return load(DEFAULT_FILE, Files.exists(DEFAULT_FILE) ? readYaml(DEFAULT_FILE) : Map.of(), env);
    }

    private static HorizonConfig load(Path file, Map<String, String> fromFile, Map<String, String> env) {
        Map<String, String> values = new TreeMap<>(fromFile);
        values.putAll(fromEnvironment(env));
        List<String> unknown = new ArrayList<>();
        for (String key : values.keySet()) {
            if (!DEFINITION.names().contains(key) && !key.startsWith(KAFKA_CLIENT_PREFIX)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigException("unknown configuration key(s) " + unknown + " in " + file
                    + "; known keys: " + new java.util.TreeSet<>(DEFINITION.names()) + " and " + KAFKA_CLIENT_PREFIX + "*");
        }
        try {
            return new HorizonConfig(values);
        } catch (ConfigException e) {
            throw new ConfigException(e.getMessage() + " (in " + file + " or its " + ENV_PREFIX + "* override)");
        }
    }

    /** The configuration with defaults only, plus {@code overrides}; for tests and tools. */
    public static HorizonConfig of(Map<String, String> overrides) {
        return new HorizonConfig(overrides);
    }

    private static Map<String, String> readYaml(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> flat = new TreeMap<>();
        if (root != null && !root.isMissingNode() && !root.isNull()) {
            if (!root.isObject()) {
                throw new ConfigException(file + " must be a YAML mapping of keys to values");
            }
            flatten("", root, flat, file);
        }
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out, Path file) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(key, value, out, file);
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(v -> items.add(v.asText()));
                out.put(key, String.join(",", items));
            } else if (!value.isNull()) {
                out.put(key, value.asText());
            }
        }
    }

    private static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> values = new TreeMap<>();
        env.forEach((name, value) -> keyOf(name).ifPresent(key -> values.put(key, value)));
        return values;
    }

    /**
     * The key an environment variable sets: a defined key by its variable name, or a Kafka client setting
     * from {@code HORIZON_KAFKA_CLIENT_*} (Kafka's setting names have no underscores, so
     * {@code HORIZON_KAFKA_CLIENT_SASL_JAAS_CONFIG} is {@code kafka.client.sasl.jaas.config}): the way to
     * hand Horizon a password without writing it in a file. Empty for any other variable.
     */
    static Optional<String> keyOf(String variable) {
        if (variable.startsWith(CLIENT_VARIABLE_PREFIX)) {
            String setting = variable.substring(CLIENT_VARIABLE_PREFIX.length());
            return setting.isEmpty() ? Optional.empty()
                    : Optional.of(KAFKA_CLIENT_PREFIX + setting.toLowerCase(Locale.ROOT).replace('_', '.'));
        }
        return Optional.ofNullable(KEYS_BY_VARIABLE.get(variable));
    }

    /** The variables of the defined keys, in order. */
    static Set<String> variables() {
        return KEYS_BY_VARIABLE.keySet();
    }

    /** The environment variable that overrides a key. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public Path dataDir() {
        return Path.of(getString(DATA_DIR));
    }

    /** Empty when Horizon should start its own broker. */
    public String bootstrapServers() {
        return getString(KAFKA_BOOTSTRAP_SERVERS).trim();
    }

    public boolean embeddedBroker() {
        return bootstrapServers().isEmpty();
    }

    public int embeddedPort() {
        return getInt(KAFKA_EMBEDDED_PORT);
    }

    public int embeddedControllerPort() {
        return getInt(KAFKA_EMBEDDED_CONTROLLER_PORT);
    }

    public int partitions() {
        return getInt(KAFKA_PARTITIONS);
    }

    public short replicationFactor() {
        return getShort(KAFKA_REPLICATION_FACTOR);
    }

    /** Client settings under {@code kafka.client.}, without the prefix. */
    public Map<String, Object> kafkaClientSettings() {
        return originalsWithPrefix(KAFKA_CLIENT_PREFIX);
    }

    public String httpHost() {
        return getString(HTTP_HOST);
    }

    public int httpPort() {
        return getInt(HTTP_PORT);
    }

    public int streamsThreads() {
        return getInt(STREAMS_THREADS);
    }

    public Path postsDir() {
        return inbox(POSTS_DIR, "posts");
    }

    public Path eventsDir() {
        return inbox(EVENTS_DIR, "events");
    }

    public Path structuralDir() {
        return inbox(STRUCTURAL_DIR, "structural");
    }

    public Path coupsDir() {
        return inbox(COUPS_DIR, "coups");
    }

    /** A drop folder: the one its key names, or by default {@code <data.dir>/inbox/<name>}. */
    private Path inbox(String key, String name) {
        String dir = getString(key);
        return dir.isBlank() ? dataDir().resolve("inbox").resolve(name) : Path.of(dir);
    }

    public Path feedsFile() {
        return Path.of(getString(FEEDS_FILE));
    }

    public Path accountsFile() {
        return Path.of(getString(ACCOUNTS_FILE));
    }

    /** The configured marking vocabulary file, empty for the one Horizon ships. */
    public String markingsFile() {
        return getString(MARKINGS_FILE).trim();
    }

    /**
     * The marking vocabulary, read and checked.
     *
     * @throws IllegalArgumentException naming the file and the bad entry
     */
    public Markings markings() {
        return markingsFile().isEmpty() ? Markings.standard() : Markings.load(Path.of(markingsFile()));
    }

    /** Checks people's JWTs against the configured JWKS; empty when none is configured. */
    public Optional<PeopleTokens> peopleTokens() {
        return PeopleTokens.of(getString(OIDC_JWKS), getString(OIDC_ISSUER), getString(OIDC_AUDIENCE), markings());
    }

    /** The configured public base URL without a trailing slash; empty when links should use the local port. */
    public Optional<String> publicBaseUrl() {
        String url = getString(HTTP_PUBLIC_BASE_URL).strip();
        return url.isEmpty() ? Optional.empty() : Optional.of(url.replaceAll("/+$", ""));
    }

    /** The configured CAP sender; empty when it is the public base URL's host. */
    public Optional<String> capSender() {
        String sender = getString(CAP_SENDER).strip();
        return sender.isEmpty() ? Optional.empty() : Optional.of(sender);
    }

    /** How long a CAP alert holds after it was sent. */
    public java.time.Duration capValidity() {
        return java.time.Duration.ofDays(getInt(CAP_VALIDITY_DAYS));
    }

    /** A public base URL is empty, or an absolute http(s) address without credentials, query or fragment. */
    private static void checkBaseUrl(String name, Object value) {
        String url = value == null ? "" : value.toString().strip();
        if (url.isEmpty()) {
            return;
        }
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new URISyntaxException(url, "not an http(s) address without credentials, query "
                        + "or fragment");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(name, value, "must be an absolute http(s) address such as "
                    + "https://horizon.example.org: " + e.getReason());
        }
    }

    public boolean secureCookies() {
        return getBoolean(HTTP_SECURE_COOKIES);
    }

    public long postsPollIntervalMs() {
        return getLong(POSTS_POLL_INTERVAL_MS);
    }

    public int maxItemBytes() {
        return getInt(MAX_ITEM_BYTES);
    }

    public Path scoringDir() {
        return Path.of(getString(SCORING_DIR));
    }

    /** Empty when no coup table is to be loaded. */
    public java.util.Optional<Path> samplesCoupsFile() {
        String file = getString(SAMPLES_COUPS_FILE);
        return file.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(Path.of(file));
    }

    /** Empty when no samples are to be loaded. */
    public java.util.Optional<Path> samplesDir() {
        String dir = getString(SAMPLES_DIR);
        return dir.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(Path.of(dir));
    }
}

package nl.horizon.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import nl.horizon.app.EmbeddedBroker;
import nl.horizon.app.Horizon;
import nl.horizon.app.HorizonConfig;
import nl.horizon.schema.AuditEvent;
import nl.horizon.schema.ContentHash;
import nl.horizon.schema.DeadLetter;
import nl.horizon.schema.Json;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One running Horizon for the dashboard and security tests: the launcher on its embedded broker, loaded
 * with the repository's sample posts and fictional event history (which raise real signals), one extra
 * secret post, accounts of every role, and the keys of a test identity provider that signs its own
 * people tokens. Started once per test JVM (it takes a minute to score the history) and stopped when
 * the JVM exits.
 */
final class DemoPipeline {

    static final String ANALYST = "analyst-secret-token";
    static final String VIEWER = "viewer-public-token";
    /** Cleared for secret like {@link #ANALYST}, and holding the caveat NODIS. */
    static final String NODIS_ANALYST = "analyst-nodis-token";
    static final String POST = "bamako-post-token";
    static final String PARTNER = "msf-partner-token";
    static final String ISSUER = "https://idp.horizon.test";
    /** Where readers reach this Horizon, as configured: every absolute link must start with it. */
    static final String PUBLIC_BASE_URL = "https://horizon.example.org";
    /** A word that appears only in a secret report: no caller below secret may ever see it. */
    static final String SECRET_WORD = "Zerzura";
    static final String SECRET_POST = """
            POST: bamako
            REFERENCE: BAM-2026-SECRET-1
            DATE: 2026-11-14
            CLASSIFICATION: secret
            COUNTRY: MLI
            LANGUAGE: en
            SUBJECT: Source reporting on the %s network near Menaka

            A source reports that the %s network moved fighters and weapons towards Menaka; an attack on
            the garrison is expected within days.
            """.formatted(SECRET_WORD, SECRET_WORD);

    private static DemoPipeline shared;

    final Horizon horizon;
    final Path dataDir;
    final RSAKey signingKey;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private DemoPipeline(Path dataDir) throws Exception {
        this.dataDir = dataDir;
        Path root = Path.of(System.getProperty("horizon.root", ".."));
        signingKey = new RSAKeyGenerator(2048).keyID("test-idp").generate();
        Path jwks = dataDir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(signingKey.toPublicJWK()).toString());
        Path accounts = dataDir.resolve("accounts.yaml");
        Files.writeString(accounts, """
                accounts:
                  - {name: analyst-s, roles: [analyst], clearance: secret, token-sha256: %s}
                  - {name: analyst-nodis, roles: [analyst], clearance: secret, caveats: [NODIS], token-sha256: %s}
                  - {name: viewer-p, roles: [viewer], token-sha256: %s}
                  - {name: bamako, roles: [ingest-post], token-sha256: %s}
                  - {name: msf, roles: [ingest-partner], token-sha256: %s}
                """.formatted(ContentHash.of(ANALYST), ContentHash.of(NODIS_ANALYST), ContentHash.of(VIEWER), ContentHash.of(POST),
                ContentHash.of(PARTNER)));
        Files.writeString(dataDir.resolve("feeds.yaml"), "feeds: []\n");
        horizon = Horizon.start(HorizonConfig.of(Map.ofEntries(
                Map.entry(HorizonConfig.DATA_DIR, dataDir.toString()),
                Map.entry(HorizonConfig.SCORING_DIR, root.resolve("config").toString()),
                Map.entry(HorizonConfig.SAMPLES_DIR, root.resolve("samples").toString()),
                Map.entry(HorizonConfig.KAFKA_EMBEDDED_PORT, Integer.toString(EmbeddedBroker.freePort())),
                Map.entry(HorizonConfig.KAFKA_EMBEDDED_CONTROLLER_PORT, Integer.toString(EmbeddedBroker.freePort())),
                Map.entry(HorizonConfig.HTTP_PORT, "0"),
                Map.entry(HorizonConfig.HTTP_PUBLIC_BASE_URL, PUBLIC_BASE_URL),
                Map.entry(HorizonConfig.POSTS_POLL_INTERVAL_MS, "100"),
                Map.entry(HorizonConfig.ACCOUNTS_FILE, accounts.toString()),
                Map.entry(HorizonConfig.FEEDS_FILE, dataDir.resolve("feeds.yaml").toString()),
                Map.entry(HorizonConfig.OIDC_JWKS, jwks.toString()),
                Map.entry(HorizonConfig.OIDC_ISSUER, ISSUER),
                Map.entry(HorizonConfig.OIDC_AUDIENCE, "horizon"))));
        dropPost("bam-secret.txt", SECRET_POST);
        await("/api/search?q=" + SECRET_WORD, ANALYST, Duration.ofSeconds(120), n -> n.path("total").asInt() == 1);
        await("/api/overview", VIEWER, Duration.ofSeconds(180),
                n -> n.path("countries").findValuesAsText("level").contains("alert")
                        || n.path("countries").findValuesAsText("level").contains("warning"));
    }

    /** The running pipeline, started on first use. */
    static synchronized DemoPipeline get() throws Exception {
        if (shared == null) {
            Path dir = Files.createTempDirectory("horizon-demo-");
            shared = new DemoPipeline(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(shared.horizon::close));
        }
        return shared;
    }

    String base() {
        return "http://127.0.0.1:" + horizon.httpPort();
    }

    /** A person's token from the test identity provider. */
    String personToken(String name, List<String> roles, String clearance, String audience, Instant expires)
            throws Exception {
        return personToken(name, roles, clearance, audience, expires, List.of());
    }

    /** A person's token holding dissemination caveats. */
    String personToken(String name, List<String> roles, String clearance, String audience, Instant expires,
                       List<String> caveats) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(name).audience(audience)
                .issueTime(new Date()).expirationTime(Date.from(expires)).claim("preferred_username", name)
                .claim("roles", roles);
        if (clearance != null) {
            claims.claim("clearance", clearance);
        }
        if (!caveats.isEmpty()) {
            claims.claim("caveats", caveats);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        jwt.sign(new RSASSASigner(signingKey));
        return jwt.serialize();
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String token, String contentType, String body,
                              Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Puts a file into the posts' drop folder whole, as a post's mail gateway does: written aside, then moved in. */
    void dropPost(String name, String content) throws Exception {
        drop(dataDir.resolve("inbox/posts"), name, content);
    }

    /** Puts an event table (ACLED's layout) into the event drop folder whole, as a data provider's export lands. */
    void dropEvents(String name, String content) throws Exception {
        drop(dataDir.resolve("inbox/events"), name, content);
    }

    private static void drop(Path inbox, String name, String content) throws Exception {
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("." + name), content);
        Files.move(inbox.resolve("." + name), inbox.resolve(name));
    }

    /**
     * The audit events that satisfy {@code wanted}, read from the start of the audit topic until a poll brings
     * at least one (the audit is written without waiting); empty after 30 s.
     */
    List<AuditEvent> audit(Predicate<AuditEvent> wanted) {
        return read(Topics.AUDIT, AuditEvent.class, wanted, 1);
    }

    /**
     * The dead letters that satisfy {@code wanted}, read from the start of the dead-letter topic until there
     * are {@code atLeast} (a drop folder is polled, a push is refused at once); fewer after 30 s.
     */
    List<DeadLetter> deadLetters(Predicate<DeadLetter> wanted, int atLeast) {
        return read(Topics.DLQ, DeadLetter.class, wanted, atLeast);
    }

    /** The committed records of a topic that satisfy {@code wanted}, from its start, until there are {@code atLeast}. */
    private <T> List<T> read(String topic, Class<T> type, Predicate<T> wanted, int atLeast) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, horizon.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<T> found = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (found.size() < atLeast && Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    T value = JsonSerde.of(type).deserialize(record.topic(), record.value());
                    if (wanted.test(value)) {
                        found.add(value);
                    }
                }
            }
            return found;
        }
    }

    /** GETs until the JSON answer satisfies {@code done}; fails after {@code timeout}. */
    JsonNode await(String path, String token, Duration timeout, Predicate<JsonNode> done) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = get(path, token);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200) {
                JsonNode node = Json.mapper().readTree(response.body());
                if (done.test(node)) {
                    return node;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no satisfying answer from " + path + " within " + timeout + "; last: "
                + last.substring(0, Math.min(500, last.length())));
    }

    /** The id of a signal of a country that the analyst sees, newest first. */
    String signalOf(String country) throws Exception {
        JsonNode page = await("/api/countries/" + country, ANALYST, Duration.ofSeconds(60),
                n -> n.path("signals").size() > 0);
        return page.path("signals").get(0).path("signal").path("id").asText();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package nl.horizon.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.schema.Classification;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Subscription;
import nl.horizon.schema.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts and people are separate identities on the running server: a person whose identity provider
 * calls them by an account's name ({@code preferred_username}) is neither that account to saved queries,
 * matches and the audit trail, nor the other way round (red-team issue 15).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentitiesTest {

    /** A word only in the post this test drops in, so that only its saved query matches it. */
    private static final String WORD = "Xarafalla";

    private DemoPipeline pipeline;
    private String namesake;

    @BeforeAll
    void start() throws Exception {
        pipeline = DemoPipeline.get();
        // same preferred_username (and even subject) as the account analyst-s, from the identity provider
        namesake = pipeline.personToken("analyst-s", List.of("analyst"), "secret", "horizon",
                Instant.now().plusSeconds(1800));
    }

    @Test
    void aPersonNamedLikeAnAccountNeitherSeesNorDeletesItsSavedQueriesOrMatches() throws Exception {
        JsonNode me = json(pipeline.get("/api/me", namesake));
        assertThat(me.path("name").asText()).isEqualTo("analyst-s");
        assertThat(me.path("id").asText()).isEqualTo(DemoPipeline.ISSUER + "#analyst-s");
        assertThat(json(pipeline.get("/api/me", DemoPipeline.ANALYST)).path("id").asText())
                .isEqualTo("account:analyst-s");

        HttpResponse<String> saved = pipeline.send("POST", "/api/subscriptions", DemoPipeline.ANALYST,
                "application/json", "{\"query\":\"" + WORD + "\"}", Map.of());
        assertThat(saved.statusCode()).isEqualTo(201);
        String id = json(saved).path("id").asText();
        assertThat(json(saved).path("owner").asText()).isEqualTo("account:analyst-s");

        assertThat(pipeline.get("/api/subscriptions", namesake).body()).doesNotContain(id).doesNotContain(WORD);
        assertThat(pipeline.send("DELETE", "/api/subscriptions/" + id, namesake, "application/json", "", Map.of())
                .statusCode()).isEqualTo(404);
        assertThat(pipeline.get("/api/subscriptions", DemoPipeline.ANALYST).body()).contains(id);

        pipeline.dropPost("rey-identities.txt", """
                POST: reykjavik
                REFERENCE: REY-2026-IDENTITIES-1
                DATE: 2026-11-15
                CLASSIFICATION: public
                COUNTRY: ISL
                LANGUAGE: en
                SUBJECT: The %s committee met on fisheries

                The %s committee met in Reykjavik to discuss fishing quotas for next season.
                """.formatted(WORD, WORD));
        pipeline.await("/api/matches", DemoPipeline.ANALYST, Duration.ofSeconds(90),
                n -> n.path("matches").toString().contains(id));
        assertThat(pipeline.get("/api/matches", namesake).body()).doesNotContain(id).doesNotContain(WORD);

        assertThat(pipeline.send("DELETE", "/api/subscriptions/" + id, DemoPipeline.ANALYST, "application/json", "",
                Map.of()).statusCode()).isEqualTo(204);
        assertThat(pipeline.audit(e -> e.target().equals("/api/subscriptions/" + id) && e.status() == 404))
                .as("the audit tells the person from the account").allSatisfy(e -> {
                    assertThat(e.actor()).isEqualTo(DemoPipeline.ISSUER + "#analyst-s");
                    assertThat(e.actorName()).isEqualTo("analyst-s");
                }).isNotEmpty();
        assertThat(pipeline.audit(e -> e.target().equals("/api/subscriptions/" + id) && e.status() == 204))
                .allSatisfy(e -> assertThat(e.actor()).isEqualTo("account:analyst-s")).isNotEmpty();
    }

    @Test
    void aQuerySavedUnderAPlainNameBeforeNamespacesBelongsToTheAccountOfThatName() throws Exception {
        String id = UUID.randomUUID().toString();
        Subscription legacy = new Subscription(id, "analyst-s", "menaka", Classification.SECRET, Instant.now());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.horizon.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS, id,
                    JsonSerde.of(Subscription.class).serialize(Topics.SUBSCRIPTIONS, legacy))).get(30, TimeUnit.SECONDS);
        }
        pipeline.await("/api/subscriptions", DemoPipeline.ANALYST, Duration.ofSeconds(30),
                n -> n.path("subscriptions").toString().contains(id));
        assertThat(pipeline.get("/api/subscriptions", namesake).body()).doesNotContain(id);
        assertThat(pipeline.send("DELETE", "/api/subscriptions/" + id, DemoPipeline.ANALYST, "application/json", "",
                Map.of()).statusCode()).isEqualTo(204);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return nl.horizon.schema.Json.mapper().readTree(response.body());
    }
}

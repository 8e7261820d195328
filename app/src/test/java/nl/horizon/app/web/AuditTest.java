package nl.horizon.app.web;

import nl.horizon.schema.AuditEvent;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Markings;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail on the running server (red-team issue 15): every request that carries credentials is
 * attributed to its caller, whatever the answer (an unknown path, a handler that failed); a live-update
 * stream is on record when it opens; every event names the client address and the caller's clearance,
 * and is classified with that clearance when it holds what the caller typed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTest {

    private DemoPipeline pipeline;

    @BeforeAll
    void start() throws Exception {
        pipeline = DemoPipeline.get();
    }

    @Test
    void aCredentialedRequestForAnUnknownPathIsAuditedWithItsCaller() throws Exception {
        String path = "/api/no-such-thing/" + UUID.randomUUID() + "?q=" + DemoPipeline.SECRET_WORD;
        assertThat(pipeline.get(path, DemoPipeline.ANALYST).statusCode()).isEqualTo(404);
        assertThat(pipeline.audit(e -> e.target().equals(path))).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("account:analyst-s");
            assertThat(e.route()).isEqualTo(AuditTrail.UNKNOWN_ROUTE);
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.clearance()).isEqualTo(Classification.SECRET);
            assertThat(e.clientAddress()).isEqualTo("127.0.0.1");
            assertThat(e.classification()).as("it holds what a secret-cleared caller typed")
                    .isEqualTo(Classification.SECRET);
        });
    }

    @Test
    void searchTermsAreClassifiedWithTheCallersClearanceAndAFixedPathIsNot() throws Exception {
        String search = "/api/search?q=" + DemoPipeline.SECRET_WORD + "&limit=37";
        assertThat(pipeline.get(search, DemoPipeline.ANALYST).statusCode()).isEqualTo(200);
        assertThat(pipeline.audit(e -> e.target().equals(search))).singleElement()
                .satisfies(e -> assertThat(e.classification()).isEqualTo(Classification.SECRET));

        String person = pipeline.personToken("r.visser", List.of("viewer"), "departmental-confidential", "horizon",
                Instant.now().plusSeconds(600));
        assertThat(pipeline.get("/api/overview", person).statusCode()).isEqualTo(200);
        assertThat(pipeline.audit(e -> e.actorName().equals("r.visser") && e.route().equals("/api/overview")))
                .isNotEmpty().allSatisfy(e -> {
                    assertThat(e.clearance()).isEqualTo(Classification.DEPARTMENTAL_CONFIDENTIAL);
                    assertThat(e.classification()).as("nothing in it is the caller's own").isEqualTo(Classification.PUBLIC);
                });
    }

    @Test
    void aQueryNestedFourThousandDeepIsA400WithTheReasonAuditedWithItsCaller() throws Exception {
        String subject = "deep-" + UUID.randomUUID();
        String person = pipeline.personToken(subject, List.of("viewer"), "secret", "horizon",
                Instant.now().plusSeconds(600));
        String nested = "(".repeat(4000) + "menaka" + ")".repeat(4000);
        HttpResponse<String> deep = pipeline.get("/api/search?q=" + DemoPipeline.encode(nested), person);
        assertThat(deep.statusCode()).isEqualTo(400);
        assertThat(deep.body()).contains("\"error\":\"invalid_query\"")
                .contains("query nests parentheses 4000 deep, at most 20");
        assertThat(pipeline.get("/api/search?q=menaka", person).statusCode()).as("still serving").isEqualTo(200);
        assertThat(pipeline.audit(e -> e.actor().equals(DemoPipeline.ISSUER + "#" + subject) && e.status() == 400))
                .singleElement().satisfies(e -> {
                    assertThat(e.actorName()).isEqualTo(subject);
                    assertThat(e.route()).isEqualTo("/api/search");
                    assertThat(e.target()).startsWith("/api/search?q=%28%28%28");
                    assertThat(e.clearance()).isEqualTo(Classification.SECRET);
                    assertThat(e.clientAddress()).isEqualTo("127.0.0.1");
                });
    }

    @Test
    void aLiveUpdateStreamIsAuditedWhenItOpens() throws Exception {
        String subject = "sse-" + UUID.randomUUID();
        String person = pipeline.personToken(subject, List.of("viewer"), "secret", "horizon",
                Instant.now().plusSeconds(600));
        HttpResponse<InputStream> stream = pipeline.http.send(HttpRequest.newBuilder(
                URI.create(pipeline.base() + "/api/events")).header("Authorization", "Bearer " + person).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = stream.body()) {
            assertThat(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)).readLine())
                    .isEqualTo(": connected");
            // still open: the event must be there already
            assertThat(pipeline.audit(e -> e.actor().equals(DemoPipeline.ISSUER + "#" + subject)))
                    .singleElement().satisfies(e -> {
                        assertThat(e.route()).isEqualTo("/api/events");
                        assertThat(e.status()).isEqualTo(200);
                        assertThat(e.clientAddress()).isEqualTo("127.0.0.1");
                        assertThat(e.clearance()).isEqualTo(Classification.SECRET);
                    });
        }
    }
}

package nl.horizon.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.schema.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a running Horizon (real broker, index and HTTP): relevance scores cannot be used to probe for
 * classified words. A public reader's score for a public report stays the same, to the last bit, when
 * secret reports with the same word arrive (issue 15, item 2).
 */
class RelevanceIsolationTest {

    private static final String WORD = "Kismaayo";

    @Test
    void aPublicHitsScoreDoesNotMoveWhenSecretReportsShareItsWord() throws Exception {
        DemoPipeline pipeline = DemoPipeline.get();
        push(pipeline, "BAM-RELEVANCE-PUBLIC", "public", "Shelling reported near " + WORD);
        float before = onlyHit(pipeline).path("score").floatValue();

        for (int i = 1; i <= 3; i++) {
            push(pipeline, "BAM-RELEVANCE-SECRET-" + i, "secret", WORD + " " + WORD + " source reporting " + i);
        }
        pipeline.await("/api/search?q=" + WORD, DemoPipeline.ANALYST, Duration.ofSeconds(60),
                n -> n.path("total").asInt() == 4);

        assertThat(onlyHit(pipeline).path("score").floatValue()).isEqualTo(before);
        JsonNode cleared = Json.mapper().readTree(pipeline.get("/api/search?q=" + WORD, DemoPipeline.ANALYST).body());
        assertThat(cleared.path("hits")).hasSize(4);
    }

    private static JsonNode onlyHit(DemoPipeline pipeline) throws Exception {
        JsonNode found = pipeline.await("/api/search?q=" + WORD, DemoPipeline.VIEWER, Duration.ofSeconds(60),
                n -> n.path("total").asInt() > 0);
        assertThat(found.path("total").asInt()).isEqualTo(1);
        return found.path("hits").get(0);
    }

    private static void push(DemoPipeline pipeline, String reference, String classification, String subject)
            throws Exception {
        String report = """
                {"post": "bamako", "reference": "%s", "date": "2026-11-15", "classification": "%s",
                 "countries": ["SOM"], "subject": "%s", "body": "Residents of %s describe the night."}
                """.formatted(reference, classification, subject, WORD);
        assertThat(pipeline.send("POST", "/api/ingest/posts", DemoPipeline.POST, "application/json", report, Map.of())
                .statusCode()).isEqualTo(202);
    }
}

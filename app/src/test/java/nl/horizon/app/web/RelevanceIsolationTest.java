package nl.horizon.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.schema.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a running Horizon (real broker, index and HTTP): relevance scores cannot be used to probe for
 * classified words. A public reader's score for a public report stays the same when secret reports with
 * the same word arrive (issue 15, item 2; the index test {@code HorizonIndexTest} checks it to the bit).
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

        // The running pipeline goes on indexing public risk points and signals, which move the public
        // statistics a little (by up to half a percent in the seconds the secret reports take to be
        // searchable, while the history is still being scored); the three secret reports, counted, would move
        // them by far more, as the cleared reader's score for the same public report shows.
        float after = onlyHit(pipeline).path("score").floatValue();
        JsonNode cleared = Json.mapper().readTree(pipeline.get("/api/search?q=" + WORD, DemoPipeline.ANALYST).body());
        assertThat(cleared.path("hits")).hasSize(4);
        float clearedScore = 0;
        for (JsonNode hit : cleared.path("hits")) {
            if (hit.path("id").asText().endsWith("BAM-RELEVANCE-PUBLIC")) {
                clearedScore = hit.path("score").floatValue();
            }
        }
        float counted = Math.abs(clearedScore - before);
        assertThat(counted).as("what counting the secret reports would do").isGreaterThan(before * 0.05f);
        assertThat(Math.abs(after - before)).as("public score %s before, %s after; counted, %s", before, after,
                clearedScore).isLessThan(counted / 5);
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

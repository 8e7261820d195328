package nl.horizon.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.schema.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a running Horizon: a report with a dissemination caveat is seen only by readers holding it, on every
 * path that shows reports, whatever their clearance (issue 15, item 9). Accounts hold caveats in
 * {@code accounts.yaml}, people in the token's {@code caveats} claim.
 */
class CaveatsTest {

    private static final String WORD = "Oubangui";

    @Test
    void aNodisCableIsSeenByNodisHoldersOnly() throws Exception {
        DemoPipeline pipeline = DemoPipeline.get();
        String cable = """
                {"post": "bamako", "reference": "BAM-NODIS-1", "date": "2026-11-16",
                 "classification": "SECRET NODIS", "countries": ["CAF"],
                 "subject": "Minister's channel on the %s crossing",
                 "body": "The minister asked that the %s crossing talks stay between the two capitals."}
                """.formatted(WORD, WORD);
        assertThat(pipeline.send("POST", "/api/ingest/posts", DemoPipeline.POST, "application/json", cable, Map.of())
                .statusCode()).isEqualTo(202);

        JsonNode found = pipeline.await("/api/search?q=" + WORD, DemoPipeline.NODIS_ANALYST, Duration.ofSeconds(60),
                n -> n.path("total").asInt() == 1);
        assertThat(found.path("hits").get(0).path("document").path("caveats")).extracting(JsonNode::asText)
                .containsExactly("NODIS");
        assertThat(pipeline.get("/api/countries/CAF", DemoPipeline.NODIS_ANALYST).body()).contains(WORD);

        String person = pipeline.personToken("m.jansen", List.of("viewer"), "secret", "horizon",
                java.time.Instant.now().plusSeconds(300));
        String personWithNodis = pipeline.personToken("p.devos", List.of("viewer"), "secret", "horizon",
                java.time.Instant.now().plusSeconds(300), List.of("NODIS"));
        assertThat(Json.mapper().readTree(pipeline.get("/api/search?q=" + WORD, personWithNodis).body())
                .path("total").asInt()).as("a person holding the caveat").isEqualTo(1);
        for (String reader : List.of(DemoPipeline.ANALYST, DemoPipeline.VIEWER, person)) {
            for (String path : List.of("/api/search?q=" + WORD, "/api/search?q=*:*&country=CAF&limit=100",
                    "/api/countries/CAF", "/api/overview")) {
                assertThat(pipeline.get(path, reader).body()).as(path).doesNotContainIgnoringCase(WORD);
            }
        }
        assertThat(pipeline.get("/api/me", DemoPipeline.NODIS_ANALYST).body()).contains("\"caveats\":[\"NODIS\"]");
        String unknown = pipeline.personToken("x.unknown", List.of("viewer"), "secret", "horizon",
                java.time.Instant.now().plusSeconds(300), List.of("NOPE"));
        assertThat(pipeline.get("/api/me", unknown).statusCode()).as("an unknown caveat refuses the token")
                .isEqualTo(401);
    }
}

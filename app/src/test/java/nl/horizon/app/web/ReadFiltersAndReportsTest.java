package nl.horizon.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.schema.Json;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a running Horizon (issue 18): filter values that no document can hold are a 400 naming the value and
 * the accepted ones, on search and the feeds alike; country codes are read in any case; one report by id,
 * seen exactly as search shows it, and a report the caller may not see is the same 404 as one that does
 * not exist.
 */
class ReadFiltersAndReportsTest {

    @Test
    void unknownFilterValuesAreRefusedWithTheAcceptedOnes() throws Exception {
        DemoPipeline pipeline = DemoPipeline.get();
        Map<String, List<String>> refused = Map.of(
                "/api/search?level=red", List.of("'red'", "calm, watch, warning, alert"),
                "/api/search?kind=report,bogus", List.of("'bogus'", "report, signal, country-risk"),
                "/api/search?source=rumour", List.of("'rumour'", "crisis-watch"),
                "/api/search?indicator=security.nope", List.of("'security.nope'", "security.fatalities"),
                "/api/search?country=XYZ", List.of("'XYZ'", "ISO 3166-1 alpha-3"),
                "/api/search?sort=oldest", List.of("'oldest'", "relevance, time"),
                "/feeds/signals.atom?level=red", List.of("'red'", "calm, watch, warning, alert"),
                "/feeds/signals.rss?country=Mali", List.of("'Mali'", "ISO 3166-1 alpha-3"));
        for (var entry : refused.entrySet()) {
            HttpResponse<String> response = pipeline.get(entry.getKey(), DemoPipeline.VIEWER);
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(400);
            JsonNode error = Json.mapper().readTree(response.body());
            assertThat(error.path("error").asText()).isEqualTo("bad_request");
            assertThat(error.path("message").asText()).as(entry.getKey()).contains(entry.getValue());
        }

        JsonNode upper = Json.mapper().readTree(pipeline.get("/api/search?country=MLI&kind=report&source=post",
                DemoPipeline.VIEWER).body());
        JsonNode lower = Json.mapper().readTree(pipeline.get("/api/search?country=mli&kind=report&source=post",
                DemoPipeline.VIEWER).body());
        assertThat(upper.path("total").asInt()).isPositive().isEqualTo(lower.path("total").asInt());
        assertThat(pipeline.get("/feeds/signals.atom?country=mli&level=warning,alert", DemoPipeline.VIEWER)
                .statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(pipeline.get("/api/search?q=" + DemoPipeline.encode("country:mli"),
                DemoPipeline.VIEWER).body()).path("total").asInt()).as("country: in query text, in lower case")
                .isEqualTo(Json.mapper().readTree(pipeline.get("/api/search?country=MLI", DemoPipeline.VIEWER)
                        .body()).path("total").asInt());
    }

    @Test
    void aReportByIdAsTheCallerMaySeeIt() throws Exception {
        DemoPipeline pipeline = DemoPipeline.get();
        JsonNode hit = pipeline.await("/api/search?q=" + DemoPipeline.SECRET_WORD, DemoPipeline.ANALYST,
                Duration.ofSeconds(60), n -> n.path("total").asInt() == 1).path("hits").get(0);
        String id = hit.path("id").asText();
        String path = "/api/reports/" + DemoPipeline.encode(id);

        HttpResponse<String> cleared = pipeline.get(path, DemoPipeline.ANALYST);
        assertThat(cleared.statusCode()).isEqualTo(200);
        JsonNode report = Json.mapper().readTree(cleared.body());
        assertThat(report).as("the report exactly as search shows it").isEqualTo(hit.path("document"));
        assertThat(report.has("links")).isTrue();

        HttpResponse<String> hidden = pipeline.get(path, DemoPipeline.VIEWER);
        String missingId = id.replace("SECRET", "NOSUCH");
        HttpResponse<String> missing = pipeline.get("/api/reports/" + DemoPipeline.encode(missingId),
                DemoPipeline.VIEWER);
        assertThat(hidden.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
        assertThat(hidden.body()).as("a hidden report answers as one that does not exist")
                .isEqualTo(missing.body().replace(missingId, id)).doesNotContain(DemoPipeline.SECRET_WORD);

        String signal = pipeline.signalOf("MLI");
        assertThat(pipeline.get("/api/reports/" + DemoPipeline.encode(signal), DemoPipeline.ANALYST).statusCode())
                .as("a signal's id names no report").isEqualTo(404);
    }
}

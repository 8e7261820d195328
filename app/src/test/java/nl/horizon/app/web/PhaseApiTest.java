package nl.horizon.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.schema.Json;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a running Horizon with the sample history: the country page and the overview carry the country's phase
 * from {@code horizon.phases.v1}, each caller the phase of the tier their risk comes from, with tests and
 * evidence the caller may open.
 */
class PhaseApiTest {

    @Test
    void theCountryPageAndTheOverviewCarryThePhaseOfTheCallersTier() throws Exception {
        DemoPipeline pipeline = DemoPipeline.get();
        JsonNode open = pipeline.await("/api/countries/MLI", DemoPipeline.VIEWER, Duration.ofSeconds(120),
                n -> n.path("phase").isObject());
        JsonNode phase = open.path("phase");
        assertThat(phase.path("classification").asText()).isEqualTo("public");
        assertThat(phase.path("phase").asText()).isIn("tension", "decay", "failure", "recovery");
        assertThat(phase.path("criteria").size()).isPositive();
        String evidence = phase.path("evidence").get(0).asText();
        assertThat(pipeline.get("/api/reports/" + URLEncoder.encode(evidence, StandardCharsets.UTF_8),
                DemoPipeline.VIEWER).statusCode()).as("the evidence opens for the reader").isEqualTo(200);
        assertThat(open.toString()).doesNotContain(DemoPipeline.SECRET_WORD);

        JsonNode cleared = pipeline.await("/api/countries/MLI", DemoPipeline.ANALYST, Duration.ofSeconds(120),
                n -> n.path("phase").path("classification").asText().equals(n.path("latest").path("classification").asText()));
        assertThat(cleared.path("latest").path("classification").asText()).isEqualTo("secret");

        JsonNode overview = Json.mapper().readTree(pipeline.get("/api/overview", DemoPipeline.VIEWER).body());
        assertThat(overview.path("countries").findValues("phase")).as("a phase, except for stable countries")
                .isNotEmpty().allSatisfy(p -> assertThat(p.path("classification").asText()).isEqualTo("public"));
    }
}

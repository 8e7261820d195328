package nl.horizon.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.schema.Json;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the early-warning meeting reads, on the demo data (issue 18): the overview in the meeting's order
 * with why a level differs from its score's; the briefing of the latest scored week listing every country at
 * warning or alert, in HTML, Markdown and a PDF that reads back; a country page with a daily series, the
 * corroborating reports first and each indicator's evidence.
 */
class MeetingViewsTest {

    private static final List<String> LEVELS = List.of("calm", "watch", "warning", "alert");
    private static final List<String> SOURCE_ORDER = List.of("post", "partner", "crisis-watch", "news-feed", "event-data");

    @Test
    void theBriefingOfTheLatestWeekListsEveryWarningAndAlertCountry() throws Exception {
        DemoPipeline pipeline = DemoPipeline.get();
        List<String> flagged = new ArrayList<>();
        // scoring may still be under way: wait until the briefing and the overview describe the same day
        JsonNode briefing = pipeline.await("/api/briefing?format=json", DemoPipeline.ANALYST, Duration.ofSeconds(120),
                b -> {
                    JsonNode overview = json(pipeline, "/api/overview");
                    flagged.clear();
                    overview.path("countries").forEach(c -> {
                        if (LEVELS.indexOf(c.path("level").asText()) >= 2) {
                            flagged.add(c.path("country").asText());
                        }
                    });
                    return b.path("to").asText().equals(overview.path("asOf").asText()) && !flagged.isEmpty()
                            && countries(b).containsAll(flagged);
                });
        assertThat(LocalDate.parse(briefing.path("from").asText())).as("a week, ending on the latest scored day")
                .isEqualTo(LocalDate.parse(briefing.path("to").asText()).minusDays(Situation.DEFAULT_BRIEFING_DAYS));
        List<Integer> levels = new ArrayList<>();
        briefing.path("countries").forEach(c -> levels.add(LEVELS.indexOf(c.path("highest").asText())));
        assertThat(levels).as("alerts, then warnings").isSortedAccordingTo((a, b) -> b - a).allMatch(l -> l >= 2);
        assertThat(briefing.path("risers").size()).isPositive();
        briefing.path("countries").forEach(c -> assertCorroboratingFirst(c.path("evidence")));
        JsonNode mali = pipeline.await("/api/signals/" + DemoPipeline.encode(pipeline.signalOf("MLI")), DemoPipeline.ANALYST,
                Duration.ofSeconds(30), n -> true);
        if (mali.path("signal").path("signal").path("sourceKinds").toString().contains("post")) {
            assertThat(mali.path("evidence").get(0).path("sourceKind").asText())
                    .as("the posts that made it an alert are shown, first").isEqualTo("post");
        }
        briefing.path("alerts").forEach(a -> assertCorroboratingFirst(a.path("evidence")));

        String md = pipeline.get("/api/briefing", DemoPipeline.ANALYST).body();
        assertThat(md).as("HTML by default").startsWith("<!DOCTYPE html>");
        HttpResponse<String> markdown = pipeline.http.send(HttpRequest.newBuilder(URI.create(pipeline.base() + "/api/briefing"))
                .header("Authorization", "Bearer " + DemoPipeline.ANALYST).header("Accept", "text/markdown").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(markdown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/markdown"));
        assertThat(markdown.body()).startsWith("**" + briefing.path("marking").asText().toUpperCase(java.util.Locale.ROOT) + "**");

        HttpResponse<byte[]> pdf = pipeline.http.send(HttpRequest.newBuilder(URI.create(pipeline.base()
                        + "/api/briefing?format=pdf&from=" + briefing.path("from").asText() + "&to=" + briefing.path("to").asText()))
                .header("Authorization", "Bearer " + DemoPipeline.ANALYST).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        // kept for a person to look at, as the browser tests keep their screenshots
        java.nio.file.Path kept = java.nio.file.Path.of("target", "briefing");
        java.nio.file.Files.createDirectories(kept);
        java.nio.file.Files.write(kept.resolve("briefing.pdf"), pdf.body());
        java.nio.file.Files.writeString(kept.resolve("briefing.md"), markdown.body());
        java.nio.file.Files.writeString(kept.resolve("briefing.json"), briefing.toPrettyString());
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            PDFTextStripper stripper = new PDFTextStripper();
            String text = stripper.getText(document);
            briefing.path("countries").forEach(c -> assertThat(text).contains(c.path("standing").path("name").asText()
                    + " (" + c.path("standing").path("country").asText() + ")"));
            String marking = briefing.path("marking").asText().toUpperCase(java.util.Locale.ROOT);
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document)).as("page %d carries the marking", page).contains(marking);
            }
        }
    }

    @Test
    void theOverviewPutsAlertsFirstAndSaysWhyALevelDiffersFromItsScore() throws Exception {
        DemoPipeline pipeline = DemoPipeline.get();
        JsonNode overview = json(pipeline, "/api/overview");
        List<Integer> levels = new ArrayList<>();
        overview.path("countries").forEach(c -> {
            levels.add(LEVELS.indexOf(c.path("level").asText()));
            String suggested = bySuggestedLevel(c.path("score").asDouble());
            if (!suggested.equals(c.path("level").asText())) {
                assertThat(c.path("whyLevel").path("scoreSuggests").asText()).as(c.toString()).isEqualTo(suggested);
                assertThat(c.path("whyLevel").path("explanation").asText()).isNotBlank();
            } else {
                assertThat(c.has("whyLevel")).as(c.toString()).isFalse();
            }
        });
        assertThat(levels).isNotEmpty().isSortedAccordingTo((a, b) -> b - a);
        overview.path("changes").forEach(c -> assertThat(c.path("headline").asText())
                .isEqualTo(c.path("name").asText() + ": " + c.path("signal").path("lifecycle").asText() + " "
                        + c.path("signal").path("level").asText()));
    }

    @Test
    void aCountryPageHasADailySeriesItsIndicatorsEvidenceAndCorroborationFirst() throws Exception {
        DemoPipeline pipeline = DemoPipeline.get();
        pipeline.signalOf("MLI");
        JsonNode page = json(pipeline, "/api/countries/MLI");
        JsonNode history = page.path("history");
        assertThat(history.size()).isGreaterThan(1);
        for (int i = 1; i < history.size(); i++) {
            assertThat(LocalDate.parse(history.get(i).path("day").asText()))
                    .isEqualTo(LocalDate.parse(history.get(i - 1).path("day").asText()).plusDays(1));
        }
        assertThat(history.get(history.size() - 1).path("day").asText()).isEqualTo(page.path("latest").path("day").asText());
        assertThat(page.path("indicators").size()).isEqualTo(page.path("latest").path("contributions").size());
        boolean anyEvidence = false;
        for (JsonNode indicator : page.path("indicators")) {
            anyEvidence |= indicator.path("evidence").size() > 0;
            assertThat(indicator.path("reports").asInt()).isGreaterThanOrEqualTo(indicator.path("evidence").size());
            assertCorroboratingFirst(indicator.path("evidence"));
        }
        assertThat(anyEvidence).as("the drill-down names the reports behind the score").isTrue();
        assertThat(page.path("evidence").size()).isPositive();
        assertCorroboratingFirst(page.path("evidence"));
    }

    private static String bySuggestedLevel(double score) {
        // config/scoring.yaml: watch 30, warning 50, alert 70
        return score >= 70 ? "alert" : score >= 50 ? "warning" : score >= 30 ? "watch" : "calm";
    }

    private static void assertCorroboratingFirst(JsonNode evidence) {
        List<Integer> ranks = new ArrayList<>();
        evidence.forEach(r -> ranks.add(SOURCE_ORDER.indexOf(r.path("sourceKind").asText())));
        assertThat(ranks).as("corroborating reports before event rows: %s", evidence).isSorted();
    }

    private static Set<String> countries(JsonNode briefing) {
        Set<String> countries = new LinkedHashSet<>();
        briefing.path("countries").forEach(c -> countries.add(c.path("standing").path("country").asText()));
        return countries;
    }

    private static JsonNode json(DemoPipeline pipeline, String path) {
        try {
            return Json.mapper().readTree(pipeline.get(path, DemoPipeline.ANALYST).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

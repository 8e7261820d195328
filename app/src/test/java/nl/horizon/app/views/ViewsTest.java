package nl.horizon.app.views;

import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Contribution;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.Json;
import nl.horizon.schema.Report;
import nl.horizon.schema.RiskLevel;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Trend;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The read side's views on their own: daily series, why a level differs, the order of evidence and of countries. */
class ViewsTest {

    private static final LevelThresholds THRESHOLDS = new LevelThresholds(30, 50, 70, 10);

    private static CountryRisk point(String country, String day, double score, RiskLevel level, String heldBack) {
        return new CountryRisk(country, LocalDate.parse(day), score, level, Trend.STABLE,
                List.of(new Contribution("security.fatalities", 5, 1, score)), heldBack, Classification.PUBLIC, null);
    }

    private static Report report(String id, SourceKind kind, String published) {
        return new Report(id, kind, "src", List.of("MLI"), "en", Instant.parse(published), id, "", Classification.PUBLIC,
                null, List.of(), null, null);
    }

    @Test
    void aDailySeriesFillsTheDaysBetweenPublishedPoints() {
        List<DailyRisk> days = DailyRisk.series(List.of(point("TCD", "2025-05-30", 40, RiskLevel.WATCH, null),
                point("TCD", "2025-06-02", 20, RiskLevel.CALM, null)), LocalDate.of(2025, 1, 1));
        assertThat(days).extracting(DailyRisk::day).containsExactly(LocalDate.of(2025, 5, 30), LocalDate.of(2025, 5, 31),
                LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 2));
        assertThat(days).extracting(DailyRisk::score).containsExactly(40.0, 40.0, 40.0, 20.0);
        assertThat(days).extracting(DailyRisk::changed).containsExactly(true, false, false, true);
        assertThat(DailyRisk.series(List.of(point("TCD", "2025-05-30", 40, RiskLevel.WATCH, null),
                point("TCD", "2025-06-02", 20, RiskLevel.CALM, null)), LocalDate.of(2025, 6, 1)))
                .as("a window starts on its first day, with the value standing then").extracting(DailyRisk::score)
                .containsExactly(40.0, 20.0);
    }

    @Test
    void theLevelIsExplainedWhereItDiffersFromTheScores() throws Exception {
        WhyLevel held = WhyLevel.of(point("HTI", "2026-11-20", 97.3, RiskLevel.WARNING,
                "alert needs evidence from 2 independent source kinds; this has 1 (event-data)"), THRESHOLDS);
        assertThat(held.scoreSuggests()).isEqualTo(RiskLevel.ALERT);
        assertThat(held.cause()).isEqualTo(WhyLevel.Cause.HELD_BACK);
        assertThat(held.explanation()).contains("held at warning", "2 independent source kinds");
        WhyLevel kept = WhyLevel.of(point("MLI", "2026-11-20", 65, RiskLevel.ALERT, null), THRESHOLDS);
        assertThat(kept.cause()).isEqualTo(WhyLevel.Cause.HYSTERESIS);
        assertThat(kept.explanation()).contains("threshold 70", "10 points");
        assertThat(WhyLevel.of(point("MLI", "2026-11-20", 88.5, RiskLevel.ALERT, null), THRESHOLDS)).isNull();
        JsonNode json = Json.mapper().valueToTree(held);
        assertThat(json.get("cause").asText()).isEqualTo("held-back");
        assertThat(json.get("scoreSuggests").asText()).isEqualTo("alert");
    }

    @Test
    void corroboratingReportsComeBeforeEventRows() {
        List<Report> sorted = EvidenceOrder.sorted(List.of(report("acled-new", SourceKind.EVENT_DATA, "2026-11-20T00:00:00Z"),
                report("post-old", SourceKind.POST, "2026-11-01T00:00:00Z"),
                report("watch", SourceKind.CRISIS_WATCH, "2026-11-02T00:00:00Z"),
                report("post-new", SourceKind.POST, "2026-11-10T00:00:00Z"),
                report("msf", SourceKind.PARTNER, "2026-11-03T00:00:00Z")));
        assertThat(sorted).extracting(Report::id).containsExactly("post-new", "post-old", "msf", "watch", "acled-new");
    }

    @Test
    void theMeetingSeesAlertsThenWarningsThenTheRest() {
        List<CountryLine> lines = new ArrayList<>(List.of(
                CountryLine.of(point("HTI", "2026-11-20", 97.3, RiskLevel.WARNING, "one kind"), null, true, THRESHOLDS),
                CountryLine.of(point("MMR", "2026-11-20", 5.3, RiskLevel.CALM, null), null, true, THRESHOLDS),
                CountryLine.of(point("MLI", "2026-11-20", 88.5, RiskLevel.ALERT, null), null, true, THRESHOLDS),
                CountryLine.of(point("SDN", "2026-11-20", 96.7, RiskLevel.WARNING, "one kind"), null, true, THRESHOLDS)));
        lines.sort(CountryLine.MEETING_ORDER);
        assertThat(lines).extracting(CountryLine::country).containsExactly("MLI", "HTI", "SDN", "MMR");
        assertThat(lines.getLast().change()).as("a newcomer rose from 0").isEqualTo(5.3);
    }
}

package nl.horizon.backtest;

import nl.horizon.schema.RiskLevel;
import nl.horizon.streams.ScoringModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** The back-test on real history, 2008–2015, through the product's scoring as shipped. */
class BacktestTest {

    @TempDir
    Path out;

    static Path series() {
        Path file = Path.of(System.getProperty("horizon.root", "..")).resolve(
                "../shared/data/ucdp/country_month_fatalities_1989-2019.csv").normalize();
        Assumptions.assumeTrue(Files.exists(file), "shared test data not present: " + file);
        return file;
    }

    static ScoringModel model() {
        return ScoringModel.load(Path.of(System.getProperty("horizon.root", "..")).resolve("config"));
    }

    private Backtest.Result run(Path dir) throws Exception {
        Path shared = series().getParent().getParent();
        return Backtest.run(new Backtest.Settings(series(), YearMonth.of(2008, 1), YearMonth.of(2015, 12), dir,
                RiskLevel.WARNING, 90, shared.resolve("conflict-labels"), java.util.Map.of("YEM", shared.resolve(
                "gdelt/gdelt_yemen_actor1_monthyear_eventcode_counts_2010-02_2016-05.csv"))), model(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void scoresHorizonAndTheBaselinesOnTheSameDataAndWritesTheReport() throws Exception {
        Backtest.Result result = run(out);

        assertThat(result.onsets()).isNotEmpty();
        assertThat(result.labels()).containsOnlyKeys("fatality onsets", "coups", "conflict starts");
        assertThat(result.labels().get("coups")).contains(new Onset("MLI", java.time.LocalDate.of(2012, 3, 22), "coup"));
        assertThat(result.scorecards()).filteredOn(s -> s.labels().equals("fatality onsets"))
                .extracting(Scorecard::method).containsExactly("horizon (warning+)",
                "hdx-signals", "horizon @ hdx-signals volume", "acled-surge", "horizon @ acled-surge volume",
                "persistence", "horizon @ persistence volume");
        assertThat(result.scorecards()).hasSize(21).allSatisfy(s -> {
            assertThat(s.precision()).isBetween(0.0, 1.0);
            assertThat(s.recall()).isBetween(0.0, 1.0);
            assertThat(s.onsets()).isEqualTo(result.labels().get(s.labels()).size());
        });
        Scorecard hdx = result.scorecards().get(1);
        assertThat(result.scorecards().get(2).alerts()).as("matched volume").isEqualTo(hdx.alerts());

        String report = Files.readString(out.resolve("report.md"));
        assertThat(report).contains("| Mali 2012 | 2012-01 | caught |").contains("| South Sudan 2013 | 2013-12 | caught |");
        assertThat(out.resolve("summary.json")).exists();
        assertThat(Files.readString(out.resolve("scores.svg"))).startsWith("<svg");
        assertThat(Files.readString(out.resolve("timeline-MLI.svg"))).contains("<path");
    }

    @Test
    void theSameHistoryGivesTheSameResult(@TempDir Path again) throws Exception {
        run(out);
        run(again);
        assertThat(Files.readString(again.resolve("summary.json"))).isEqualTo(Files.readString(out.resolve("summary.json")));
        assertThat(Files.readString(again.resolve("report.md"))).isEqualTo(Files.readString(out.resolve("report.md")));
    }

    @Test
    void onsetsFollowTheirDefinition() throws Exception {
        MonthlySeries series = MonthlySeries.read(series(), YearMonth.of(2005, 1), YearMonth.of(2015, 12));
        assertThat(series.unmapped()).isEmpty();
        assertThat(OnsetLabels.of(series)).contains(new Onset("MLI", YearMonth.of(2012, 1).atEndOfMonth(), "onset"),
                new Onset("SSD", YearMonth.of(2013, 12).atEndOfMonth(), "escalation"));
        assertThat(OnsetLabels.band(24)).isZero();
        assertThat(OnsetLabels.band(1536)).isEqualTo(3);
    }
}

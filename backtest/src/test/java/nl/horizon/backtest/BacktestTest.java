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
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The back-test on real history, judged 2010–2015 after a warm-up from 2008, through the product's scoring as shipped. */
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
        return Backtest.run(new Backtest.Settings(series(), YearMonth.of(2008, 1),
                List.of(new Evaluation("headline", YearMonth.of(2010, 1), YearMonth.of(2015, 12))), dir,
                RiskLevel.WARNING, shared.resolve("conflict-labels"), shared.resolve("hdx-signals/hdx_signals_1998-2019.csv"),
                Map.of("YEM", shared.resolve("gdelt/gdelt_yemen_actor1_monthyear_eventcode_counts_2010-02_2016-05.csv")),
                null),
                model(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void judgesHorizonAndTheBaselinesInEveryLeadWindowAndWritesTheReport() throws Exception {
        Backtest.Result result = run(out);

        assertThat(result.labels()).extracting(LabelSet::name)
                .containsExactly("fatality onsets and escalations", "coups", "conflict starts");
        assertThat(result.labels().get(1).onsets()).contains(new Onset("MLI", LocalDate.of(2012, 3, 22), "coup"));
        EvaluationResult headline = result.evaluations().getFirst();
        assertThat(headline.scorecards()).filteredOn(s -> s.labels().equals(Backtest.FATALITY_LABELS)
                        && s.lead().equals(LeadWindow.SAME_MONTH.name()))
                .extracting(Scorecard::method).containsExactly("horizon (warning+)", "hdx-signals rule",
                        "acled-surge rule", "persistence", "hdx-signals published", Backtest.LABEL_RULE);
        assertThat(headline.scorecards()).hasSize(3 * 3 * 6).allSatisfy(s -> {
            assertThat(s.precision()).isBetween(0.0, 1.0);
            assertThat(s.f1Interval().low()).isLessThanOrEqualTo(s.f1Interval().high());
            assertThat(s.hits() + s.falseAlarms()).isEqualTo(s.alerts());
            assertThat(s.detected() + s.missed()).isEqualTo(s.onsets());
        });
        assertThat(headline.scorecards()).filteredOn(s -> s.method().equals(Backtest.LABEL_RULE)
                        && s.labels().equals(Backtest.FATALITY_LABELS) && s.lead().equals(LeadWindow.SAME_MONTH.name()))
                .singleElement().satisfies(s -> assertThat(s.recall()).as("the label rule is the ceiling").isEqualTo(1.0));
        assertThat(headline.comparisons()).hasSize(3 * 3 * 4).allSatisfy(c -> {
            assertThat(c.candidate().alerts()).isLessThanOrEqualTo(c.volume());
            assertThat(c.other().alerts()).isLessThanOrEqualTo(c.volume());
        });
        assertThat(headline.comparisons()).allSatisfy(c -> assertThat(c.thinned()).isIn(c.method(), c.baseline()))
                .extracting(Comparison::thinned).contains("persistence");

        String report = Files.readString(out.resolve("report.md"));
        assertThat(report).contains("| Mali 2012 | 2012-01-31 |").contains("| Mali coup 2012 | 2012-03-22 |")
                .contains("1-6 months ahead");
        assertThat(out.resolve("summary.json")).exists();
        assertThat(Files.readString(out.resolve("scores.svg"))).startsWith("<svg");
        assertThat(Files.readString(out.resolve("curve-1-6-months-ahead.svg"))).contains("<path");
        assertThat(Files.readString(out.resolve("timeline-MLI-2012-01.svg"))).contains("<path");
    }

    @Test
    void theSameHistoryGivesTheSameResult(@TempDir Path again) throws Exception {
        run(out);
        run(again);
        assertThat(Files.readString(again.resolve("summary.json"))).isEqualTo(Files.readString(out.resolve("summary.json")));
        assertThat(Files.readString(again.resolve("report.md"))).isEqualTo(Files.readString(out.resolve("report.md")));
    }

    @Test
    void labelsFollowTheirDefinitionOnTheRealSeries() throws Exception {
        MonthlySeries series = MonthlySeries.read(series(), YearMonth.of(2005, 1), YearMonth.of(2015, 12));
        assertThat(series.unmapped()).isEmpty();
        assertThat(OnsetLabels.of("fatality", series).onsets()).contains(
                new Onset("MLI", YearMonth.of(2012, 1).atEndOfMonth(), "onset"),
                new Onset("SSD", YearMonth.of(2013, 12).atEndOfMonth(), "escalation"),
                new Onset("CAF", YearMonth.of(2013, 12).atEndOfMonth(), "escalation"));
    }
}

package nl.horizon.backtest;

import nl.horizon.backtest.forecast.ReplayedHistory;
import nl.horizon.backtest.forecast.StructuralConditions;
import nl.horizon.streams.forecast.ForecastModel;
import nl.horizon.streams.forecast.ReleaseCalendar;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The committed trees ({@code config/forecast.yaml}) are what the fit on history up to 2009 gives,
 * byte for byte, and the warning rule turns probabilities into alerts as documented.
 */
class ForecastFitTest {

    @TempDir
    Path out;

    @Test
    void theCommittedTreesAreTheFitOnHistoryUpTo2009() throws Exception {
        Path root = Path.of(System.getProperty("horizon.root", ".."));
        Path shared = BacktestTest.series().getParent().getParent();
        Path structural = shared.resolve("structural");
        Assumptions.assumeTrue(Files.isDirectory(structural), "shared structural data not present: " + structural);
        Path committed = root.resolve("config/forecast.yaml");
        ForecastModel model = ForecastModel.read(committed);
        YearMonth until = model.fit().to();
        assertThat(until).isEqualTo(YearMonth.of(2009, 12));

        ReleaseCalendar calendar = new ReleaseCalendar(30);
        MonthlySeries series = MonthlySeries.read(BacktestTest.series(), YearMonth.of(1989, 1), until);
        ReplayedHistory history = ReplayedHistory.of(series, StructuralConditions.read(structural),
                EventLabels.coups("coups", shared.resolve("conflict-labels/" + Backtest.COUPS), YearMonth.of(1946, 1),
                        until, new ArrayList<>()).onsets());
        ForecastModel refit = ForecastFit.fit(new ForecastFit.Inputs(model.version(), history,
                OnsetLabels.of(Backtest.FATALITY_LABELS, series), calendar, model.validation().folds().stream()
                .map(ForecastModel.Fold::from).toList(), until));
        refit.write(out.resolve("forecast.yaml"));

        assertThat(Files.readString(out.resolve("forecast.yaml"))).isEqualTo(Files.readString(committed));
        assertThat(ForecastModel.read(out.resolve("forecast.yaml"))).isEqualTo(refit);
    }

    @Test
    void aFitRefusesLabelsThatReachPastItsHistory() {
        LabelSet labels = new LabelSet("l", List.of(), YearMonth.of(2019, 12));
        assertThatThrownBy(() -> ForecastFit.fit(new ForecastFit.Inputs("v", null, labels, new ReleaseCalendar(30),
                List.of(YearMonth.of(2005, 1)), YearMonth.of(2009, 12)))).hasMessageContaining("must end there");
    }

    @Test
    void validationFoldsRunFromEachOriginToTheNextAndAreScoredWithAFitThatEndsBeforeThem() {
        ForecastFit.Inputs in = new ForecastFit.Inputs("v", null, null, new ReleaseCalendar(30),
                List.of(YearMonth.of(2000, 1), YearMonth.of(2005, 1)), YearMonth.of(2009, 12));
        assertThat(in.folds()).containsExactly(
                new ForecastModel.Fold(YearMonth.of(1999, 12), YearMonth.of(2000, 1), YearMonth.of(2004, 12)),
                new ForecastModel.Fold(YearMonth.of(2004, 12), YearMonth.of(2005, 1), YearMonth.of(2009, 12)));
        assertThatThrownBy(() -> new ForecastFit.Inputs("v", null, null, new ReleaseCalendar(30),
                List.of(YearMonth.of(2005, 1), YearMonth.of(2000, 1)), YearMonth.of(2009, 12)).folds())
                .hasMessageContaining("time order");
    }

    @Test
    void warnsAtTheThresholdAndThenRestsForTheCooldown() throws Exception {
        ForecastModel model = ForecastModel.read(Path.of(System.getProperty("horizon.root", ".."))
                .resolve("config/forecast.yaml"));
        TreeMap<YearMonth, Double> p = new TreeMap<>();
        double[] values = {0.01, 0.2, 0.3, 0.3, 0.3, 0.3, 0.01, 0.2};
        for (int i = 0; i < values.length; i++) {
            p.put(YearMonth.of(2012, 1 + i), values[i]);
        }
        ForecastRun run = new ForecastRun(model, 3, Map.of("MLI", p));
        ReleaseCalendar calendar = new ReleaseCalendar(30);

        // February warns; March to May rest; June warns again; August is within three months of June
        assertThat(run.alerts(0.1, 3, calendar)).extracting(Alert::date).containsExactly(
                calendar.release(YearMonth.of(2012, 2)), calendar.release(YearMonth.of(2012, 6)));
        assertThat(run.alerts(0.1, 0, calendar)).hasSize(6);
        assertThat(run.alerts(0.1, 0, calendar)).allSatisfy(a -> assertThat(a.score()).isGreaterThanOrEqualTo(0.1));
        // the probability standing on a day is that of the latest month released by then
        assertThat(run.standing("MLI", YearMonth.of(2012, 2).atDay(15), calendar)).isEqualTo(0.01);
        assertThat(run.standing("MLI", calendar.release(YearMonth.of(2012, 2)), calendar)).isEqualTo(0.2);
    }
}

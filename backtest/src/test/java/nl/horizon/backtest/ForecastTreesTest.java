package nl.horizon.backtest;

import nl.horizon.backtest.forecast.ReplayedHistory;
import nl.horizon.backtest.forecast.StructuralConditions;
import nl.horizon.streams.forecast.ForecastFeatures;
import nl.horizon.streams.forecast.ForecastModel;
import nl.horizon.streams.forecast.ReleaseCalendar;
import nl.horizon.streams.forecast.Tree;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The plain-Java trees ({@link Tree}, what the streams application and the back-test score with) give
 * XGBoost's own probabilities and TreeSHAP contributions, on every country-month 1989–2009 of the real
 * history: trees fitted with forecast-2's setting on the 3-month outcomes to 2009-12, read back from
 * XGBoost's JSON model and through the model file's one-line form.
 */
class ForecastTreesTest {

    private static final YearMonth UNTIL = YearMonth.of(2009, 12);
    private static final int MONTHS = 3;

    private static BoostedTrees.Fit fit;
    private static ForecastModel.Horizon horizon;
    /** Every row standardised as the fit sees it (a missing value at the mean, 0). */
    private static double[][] rows;
    /** The same rows with missing values left missing, so the trees' default branches are taken. */
    private static double[][] withMissing;

    @BeforeAll
    static void fitOnTheRealHistory() throws Exception {
        Path root = Path.of(System.getProperty("horizon.root", ".."));
        Path shared = BacktestTest.series().getParent().getParent();
        Assumptions.assumeTrue(Files.isDirectory(shared.resolve("structural")), "shared structural data not present");
        ReleaseCalendar calendar = new ReleaseCalendar(30);
        MonthlySeries series = MonthlySeries.read(BacktestTest.series(), YearMonth.of(1989, 1), UNTIL);
        ReplayedHistory history = ReplayedHistory.of(series, StructuralConditions.read(shared.resolve("structural")),
                EventLabels.coups("coups", shared.resolve("conflict-labels/" + Backtest.COUPS), YearMonth.of(1946, 1),
                        UNTIL, new ArrayList<>()).onsets());
        Set<String> labelled = new HashSet<>();
        OnsetLabels.of(Backtest.FATALITY_LABELS, series).onsets().forEach(o -> labelled.add(o.country() + "|"
                + o.month()));
        ForecastModel committed = ForecastModel.read(root.resolve("config/forecast.yaml"));
        FeatureTable table = FeatureTable.of(history, calendar, new ForecastFeatures(history, calendar).firstIssuable(),
                UNTIL);
        List<double[]> all = new ArrayList<>();
        List<double[]> missing = new ArrayList<>();
        List<double[]> fitted = new ArrayList<>();
        List<Integer> outcomes = new ArrayList<>();
        table.rows().forEach((country, byMonth) -> byMonth.forEach((month, x) -> {
            double[] z = committed.standardise(x);
            all.add(z);
            double[] m = z.clone();
            for (int j = 0; j < x.length; j++) {
                m[j] = Double.isNaN(x[j]) ? Double.NaN : z[j];
            }
            missing.add(m);
            YearMonth issued = YearMonth.from(calendar.release(month));
            if (!issued.plusMonths(MONTHS).isAfter(UNTIL)) {
                fitted.add(z);
                boolean outcome = false;
                for (int ahead = 1; ahead <= MONTHS; ahead++) {
                    outcome |= labelled.contains(country + "|" + issued.plusMonths(ahead));
                }
                outcomes.add(outcome ? 1 : 0);
            }
        }));
        rows = all.toArray(double[][]::new);
        withMissing = missing.toArray(double[][]::new);
        fit = ForecastFit.TREES.fit(fitted.toArray(double[][]::new), outcomes.stream().mapToInt(i -> i).toArray());
        horizon = fit.horizon(MONTHS);
    }

    @Test
    void theJavaTreesGiveXgboostsProbabilitiesOnEveryRow() {
        assertThat(horizon.trees()).hasSize(ForecastFit.TREES.rounds());
        assertThat(rows.length).isGreaterThan(40_000);
        for (double[][] sample : List.of(rows, withMissing)) {
            double[] xgboost = fit.probabilities(sample, ForecastFit.TREES.rounds());
            for (int i = 0; i < sample.length; i++) {
                double p = 1 / (1 + Math.exp(-horizon.margin(sample[i])));
                assertThat(p).as("row %d", i).isCloseTo(xgboost[i], within(1e-6));
            }
        }
    }

    @Test
    void theContributionsAreXgboostsTreeShapAndAddUpToTheLogOdds() {
        float[][] xgboost = fit.contributions(rows);
        int features = ForecastFeatures.NAMES.size();
        for (int i = 0; i < rows.length; i += 7) {
            double[] parts = new double[features];
            for (Tree t : horizon.trees()) {
                t.contributions(rows[i], parts);
            }
            for (int j = 0; j < features; j++) {
                assertThat(parts[j]).as("row %d feature %d", i, j).isCloseTo(xgboost[i][j], within(1e-5));
            }
            assertThat(horizon.expected()).isCloseTo(xgboost[i][features], within(1e-5));
            assertThat(horizon.expected() + java.util.Arrays.stream(parts).sum())
                    .isCloseTo(horizon.margin(rows[i]), within(1e-5));
        }
    }

    @Test
    void aTreeReadsBackFromItsLineUnchanged() {
        horizon.trees().forEach(t -> assertThat(Tree.parse(t.line())).isEqualTo(t));
        assertThatThrownBy(() -> Tree.parse("no.such_feature<0.5,yes,10.0 =0.1,5.0 =0.2,5.0"))
                .hasMessageContaining("unknown feature");
        assertThatThrownBy(() -> Tree.parse("conflict.calm_year<0.5,yes,10.0 =0.1,5.0"))
                .hasMessageContaining("lacks a branch");
    }
}

package nl.horizon.backtest;

import nl.horizon.backtest.forecast.ReplayedHistory;
import nl.horizon.streams.forecast.ForecastFeatures;
import nl.horizon.streams.forecast.ForecastModel;
import nl.horizon.streams.forecast.ReleaseCalendar;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fits the onset forecast, gradient-boosted trees per horizon ({@link BoostedTrees}), on history that ends
 * at {@code until}, and chooses its warning rule on validation folds inside that history, so that nothing after {@code until} is read: the caller hands in a series,
 * labels and coups cut at {@code until}, and every outcome counted lies at or before it.
 * <p>
 * Validation is rolling-origin: the folds are consecutive windows (e.g. 2000–2004 and 2005–2009), and each
 * is scored with a fit on outcomes up to the month before it, as the forecast is used (fitted on the past,
 * issued after). Pooling the folds judges the settings on twice the labels of one five-year window, which
 * could not tell models apart (docs/backtest.md, "The forecast").
 * <ol>
 *   <li>With the trees' setting ({@link #TREES}, chosen in the fourth round among 36 by this log loss),
 *       one model per horizon and fold is fitted on outcomes up to the month before the fold, and scored
 *       by log loss on the forecasts issued in the fold whose outcomes lie up to {@code until}; the loss
 *       of a horizon is the mean over all folds' forecasts, reported summed over horizons.</li>
 *   <li>With those fits, every warning rule (horizon, threshold, cooldown) issues each fold's alerts from
 *       that fold's fit; the pooled alerts are judged on the whole validation window exactly as the
 *       back-test judges a method ({@link Tally}, one to six months ahead, with censoring); the rule with
 *       the best F1 wins.</li>
 *   <li>The models are refitted on all outcomes up to {@code until}.</li>
 * </ol>
 * An outcome of a forecast issued on the release of month {@code m} is a fatality label (onset or
 * escalation, {@link OnsetLabels}) in one of the {@code h} months after the month of issue: the months a
 * warning issued then counts for.
 */
public final class ForecastFit {

    static final List<Integer> HORIZONS = List.of(1, 3, 6);
    /**
     * forecast-2's setting: the least pooled validation log loss of the fourth round's grid (max_depth 2/3/4
     * × eta 0.05/0.1 × min_child_weight 1/10 × 50/150/300 rounds, docs/backtest.md), fixed here so that a
     * refit reproduces the committed trees without rerunning the grid.
     */
    static final BoostedTrees TREES = new BoostedTrees(2, 0.05, 10, 300);
    static final String FAMILY = "gradient-boosted trees (XGBoost 3.4.0: binary:logistic, hist, one thread, seed 17)";
    static final List<Double> THRESHOLDS = List.of(0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5);
    static final List<Integer> COOLDOWNS = List.of(0, 3, 6);

    /**
     * What to fit on.
     *
     * @param version      names the fit
     * @param history      what the leading indicators are computed from (data cut at {@code until})
     * @param labels       fatality labels (from data cut at {@code until})
     * @param calendar     release days
     * @param validateFrom first month of each validation fold, in time order; a fold ends where the next
     *                     begins, the last at {@code until}
     * @param until        last month of the history
     */
    public record Inputs(String version, ReplayedHistory history, LabelSet labels, ReleaseCalendar calendar,
                         List<YearMonth> validateFrom, YearMonth until) {

        public Inputs {
            validateFrom = List.copyOf(validateFrom);
        }

        /** The validation folds: each from its first month to the month before the next fold (or {@code until}). */
        List<ForecastModel.Fold> folds() {
            List<ForecastModel.Fold> folds = new ArrayList<>();
            for (int k = 0; k < validateFrom.size(); k++) {
                YearMonth from = validateFrom.get(k);
                YearMonth to = k + 1 < validateFrom.size() ? validateFrom.get(k + 1).minusMonths(1) : until;
                if (from.isAfter(to)) {
                    throw new IllegalArgumentException("validation folds must start in time order before " + until
                            + ": " + validateFrom);
                }
                folds.add(new ForecastModel.Fold(from.minusMonths(1), from, to));
            }
            return folds;
        }
    }

    private record Rows(double[][] x, int[] y) {
    }

    private ForecastFit() {
    }

    private static YearMonth firstIssuable(Inputs in) {
        return new ForecastFeatures(in.history(), in.calendar()).firstIssuable();
    }

    public static ForecastModel fit(Inputs in) {
        if (!in.labels().coveredUntil().equals(in.until())) {
            throw new IllegalArgumentException("the labels of a fit up to " + in.until() + " must end there, not at "
                    + in.labels().coveredUntil());
        }
        FeatureTable table = FeatureTable.of(in.history(), in.calendar(), firstIssuable(in), in.until());
        Set<String> labelled = new HashSet<>();
        in.labels().onsets().forEach(o -> labelled.add(o.country() + "|" + o.month()));
        List<ForecastModel.Fold> folds = in.folds();

        List<ForecastModel> trials = new ArrayList<>();
        for (ForecastModel.Fold fold : folds) {
            trials.add(model(in, table, labelled, fold.fitTo(), null));
        }
        double loss = 0;
        for (int h : HORIZONS) {
            loss += logLoss(trials, folds, h, table, labelled, in);
        }
        Evaluation window = new Evaluation("validation", folds.getFirst().from(), in.until());
        ForecastModel.AlertRule rule = null;
        double bestF1 = -1;
        for (int h : HORIZONS) {
            List<ForecastRun> runs = new ArrayList<>();
            for (ForecastModel trial : trials) {
                runs.add(ForecastRun.of(trial, h, table));
            }
            for (int cooldown : COOLDOWNS) {
                for (double threshold : THRESHOLDS) {
                    List<Alert> issued = new ArrayList<>();
                    for (int k = 0; k < folds.size(); k++) {
                        Evaluation fold = new Evaluation("fold", folds.get(k).from(), folds.get(k).to());
                        runs.get(k).alerts(threshold, cooldown, in.calendar()).stream()
                                .filter(a -> fold.issued(a, in.calendar())).forEach(issued::add);
                    }
                    double f1 = Tally.total(Tally.byCountry(issued, in.labels(), LeadWindow.AHEAD_1_6, window,
                            in.calendar())).f1();
                    if (f1 > bestF1) {
                        bestF1 = f1;
                        rule = new ForecastModel.AlertRule(h, threshold, cooldown);
                    }
                }
            }
        }
        String choices = "setting of the fourth round's 36 by pooled log loss; rules: horizon " + HORIZONS + " x cooldown " + COOLDOWNS
                + " months x threshold " + THRESHOLDS + ", by F1 1-6 months ahead";
        ForecastModel.Validation validation = new ForecastModel.Validation(folds, choices,
                Math.round(loss * 1e4) / 1e4, Scorecard.round(bestF1));
        return model(in, table, labelled, in.until(), new Fitted(validation, rule));
    }

    /** The chosen settings of a final fit (null for a trial). */
    private record Fitted(ForecastModel.Validation validation, ForecastModel.AlertRule rule) {
    }

    /** Fits every horizon on outcomes up to {@code fitTo}. */
    private static ForecastModel model(Inputs in, FeatureTable table, Set<String> labelled, YearMonth fitTo,
                                       Fitted fitted) {
        int longest = HORIZONS.getLast();
        List<double[]> all = rows(table, fitTo, longest, in).stream().map(r -> r.x).toList();
        List<ForecastModel.Feature> features = new ArrayList<>();
        for (int j = 0; j < ForecastFeatures.NAMES.size(); j++) {
            features.add(moments(ForecastFeatures.NAMES.get(j), all, j));
        }
        // a trial (for validation) is never used to warn: it carries a rule that cannot fire
        ForecastModel.AlertRule rule = fitted == null ? new ForecastModel.AlertRule(longest, 2, 0) : fitted.rule();
        List<ForecastModel.Horizon> horizons = new ArrayList<>();
        int fittedRows = 0;
        int outcomes = 0;
        for (int h : HORIZONS) {
            Rows rows = design(features, rows(table, fitTo, h, in), labelled, h, in);
            horizons.add(TREES.fit(rows.x, rows.y).horizon(h));
            fittedRows = rows.y.length;
            outcomes = java.util.Arrays.stream(rows.y).sum();
        }
        ForecastModel.FitWindow window = new ForecastModel.FitWindow(firstIssuable(in), fitTo, fittedRows,
                outcomes);
        return new ForecastModel(in.version(), FAMILY, TREES.setting(), window,
                fitted == null ? null : fitted.validation(), rule, features, horizons);
    }

    /** A row: a country-month issued with its {@code h}-month outcome at or before {@code fitTo}. */
    private record Row(String country, YearMonth month, double[] x) {
    }

    private static List<Row> rows(FeatureTable table, YearMonth fitTo, int h, Inputs in) {
        List<Row> rows = new ArrayList<>();
        table.rows().forEach((country, byMonth) -> byMonth.forEach((month, x) -> {
            if (!issueMonth(month, in).plusMonths(h).isAfter(fitTo)) {
                rows.add(new Row(country, month, x));
            }
        }));
        return rows;
    }

    private static YearMonth issueMonth(YearMonth month, Inputs in) {
        return YearMonth.from(in.calendar().release(month));
    }

    private static Rows design(List<ForecastModel.Feature> features, List<Row> rows, Set<String> labelled, int h, Inputs in) {
        double[][] x = new double[rows.size()][];
        int[] y = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            x[i] = ForecastModel.standardise(features, row.x());
            y[i] = outcome(row.country(), issueMonth(row.month(), in), h, labelled) ? 1 : 0;
        }
        return new Rows(x, y);
    }

    private static boolean outcome(String country, YearMonth issued, int h, Set<String> labelled) {
        for (int ahead = 1; ahead <= h; ahead++) {
            if (labelled.contains(country + "|" + issued.plusMonths(ahead))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Mean log loss at horizon {@code h} over the forecasts issued in every fold, each scored by its fold's
     * trial; an outcome may lie after its fold but not after {@code until}.
     */
    private static double logLoss(List<ForecastModel> trials, List<ForecastModel.Fold> folds, int h,
                                  FeatureTable table, Set<String> labelled, Inputs in) {
        double loss = 0;
        int n = 0;
        for (Row row : rows(table, in.until(), h, in)) {
            YearMonth issued = issueMonth(row.month(), in);
            for (int k = 0; k < folds.size(); k++) {
                if (issued.isBefore(folds.get(k).from()) || issued.isAfter(folds.get(k).to())) {
                    continue;
                }
                double p = Math.min(Math.max(trials.get(k).probability(row.x(), h), 1e-12), 1 - 1e-12);
                loss -= outcome(row.country(), issued, h, labelled) ? Math.log(p) : Math.log(1 - p);
                n++;
            }
        }
        return n == 0 ? 0 : loss / n;
    }

    /** Mean and standard deviation of feature {@code j} over the rows that have it (scale 1 if constant). */
    private static ForecastModel.Feature moments(String name, List<double[]> rows, int j) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (double[] x : rows) {
            if (!Double.isNaN(x[j])) {
                sum += x[j];
                squares += x[j] * x[j];
                n++;
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        double sd = n < 2 ? 0 : Math.sqrt(Math.max(0, squares / n - mean * mean));
        return new ForecastModel.Feature(name, mean, sd > 1e-12 ? sd : 1);
    }
}

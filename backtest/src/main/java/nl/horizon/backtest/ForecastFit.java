package nl.horizon.backtest;

import nl.horizon.backtest.forecast.ReplayedHistory;
import nl.horizon.streams.forecast.ForecastFeatures;
import nl.horizon.streams.forecast.ForecastModel;
import nl.horizon.streams.forecast.LogisticRegression;
import nl.horizon.streams.forecast.ReleaseCalendar;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fits the onset forecast on history that ends at {@code until}, and chooses its settings on a validation
 * split inside that history, so that nothing after {@code until} is read: the caller hands in a series,
 * labels and coups cut at {@code until}, and every outcome counted lies at or before it.
 * <ol>
 *   <li>For each penalty, one model per horizon is fitted on outcomes up to the month before
 *       {@code validateFrom}, and scored by log loss on the forecasts issued from {@code validateFrom}
 *       whose outcomes lie up to {@code until}. The penalty with the least loss (over all horizons) wins.</li>
 *   <li>With that fit, every warning rule (horizon, threshold, cooldown) is judged on the validation
 *       window exactly as the back-test judges a method ({@link Tally}, one to six months ahead, with
 *       censoring); the rule with the best F1 wins.</li>
 *   <li>The models are refitted on all outcomes up to {@code until} with the chosen penalty.</li>
 * </ol>
 * An outcome of a forecast issued on the release of month {@code m} is a fatality label (onset or
 * escalation, {@link OnsetLabels}) in one of the {@code h} months after the month of issue: the months a
 * warning issued then counts for.
 */
public final class ForecastFit {

    static final List<Integer> HORIZONS = List.of(1, 3, 6);
    static final List<Double> PENALTIES = List.of(1.0, 10.0, 100.0, 1000.0, 10000.0);
    static final List<Double> THRESHOLDS = List.of(0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5);
    static final List<Integer> COOLDOWNS = List.of(0, 3, 6);

    /**
     * What to fit on.
     *
     * @param version      names the fit
     * @param history      what the leading indicators are computed from (data cut at {@code until})
     * @param labels       fatality labels (from data cut at {@code until})
     * @param calendar     release days
     * @param validateFrom first month of the validation window
     * @param until        last month of the history
     */
    public record Inputs(String version, ReplayedHistory history, LabelSet labels, ReleaseCalendar calendar,
                         YearMonth validateFrom, YearMonth until) {
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
        YearMonth validationFitTo = in.validateFrom().minusMonths(1);

        double bestLoss = Double.POSITIVE_INFINITY;
        double penalty = PENALTIES.getFirst();
        List<String> tried = new ArrayList<>();
        for (double lambda : PENALTIES) {
            ForecastModel trial = model(in, table, labelled, validationFitTo, lambda, null);
            double loss = 0;
            for (int h : HORIZONS) {
                loss += logLoss(trial, h, table, labelled, in);
            }
            tried.add(String.format(Locale.ROOT, "l2 %s: log loss %.4f", lambda, loss));
            if (loss < bestLoss) {
                bestLoss = loss;
                penalty = lambda;
            }
        }
        ForecastModel trial = model(in, table, labelled, validationFitTo, penalty, null);
        Evaluation window = new Evaluation("validation", in.validateFrom(), in.until());
        ForecastModel.AlertRule rule = null;
        double bestF1 = -1;
        for (int h : HORIZONS) {
            ForecastRun run = ForecastRun.of(trial, h, table);
            for (int cooldown : COOLDOWNS) {
                for (double threshold : THRESHOLDS) {
                    List<Alert> issued = run.alerts(threshold, cooldown, in.calendar()).stream()
                            .filter(a -> window.issued(a, in.calendar())).toList();
                    double f1 = Tally.total(Tally.byCountry(issued, in.labels(), LeadWindow.AHEAD_1_6, window,
                            in.calendar())).f1();
                    if (f1 > bestF1) {
                        bestF1 = f1;
                        rule = new ForecastModel.AlertRule(h, threshold, cooldown);
                    }
                }
            }
        }
        String choices = String.join("; ", tried) + "; rules: horizon " + HORIZONS + " x cooldown " + COOLDOWNS
                + " months x threshold " + THRESHOLDS + ", by F1 1-6 months ahead";
        ForecastModel.Validation validation = new ForecastModel.Validation(validationFitTo, in.validateFrom(),
                in.until(), choices, Scorecard.round(bestF1));
        return model(in, table, labelled, in.until(), penalty, new Fitted(validation, rule));
    }

    /** The chosen settings of a final fit (null for a trial). */
    private record Fitted(ForecastModel.Validation validation, ForecastModel.AlertRule rule) {
    }

    /** Fits every horizon on outcomes up to {@code fitTo}. */
    private static ForecastModel model(Inputs in, FeatureTable table, Set<String> labelled, YearMonth fitTo,
                                       double lambda, Fitted fitted) {
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
            double[] beta = LogisticRegression.fit(rows.x, rows.y, lambda);
            Map<String, Double> coefficients = new LinkedHashMap<>();
            for (int j = 0; j < features.size(); j++) {
                coefficients.put(features.get(j).name(), beta[j + 1]);
            }
            horizons.add(new ForecastModel.Horizon(h, beta[0], coefficients));
            fittedRows = rows.y.length;
            outcomes = java.util.Arrays.stream(rows.y).sum();
        }
        ForecastModel.FitWindow window = new ForecastModel.FitWindow(firstIssuable(in), fitTo, fittedRows,
                outcomes);
        return new ForecastModel(in.version(), window, fitted == null ? null : fitted.validation(), lambda, rule,
                features, horizons);
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

    /** Mean log loss of {@code model} at horizon {@code h} on forecasts issued in the validation window. */
    private static double logLoss(ForecastModel model, int h, FeatureTable table, Set<String> labelled, Inputs in) {
        double loss = 0;
        int n = 0;
        for (Row row : rows(table, in.until(), h, in)) {
            if (issueMonth(row.month(), in).isBefore(in.validateFrom())) {
                continue;
            }
            double p = Math.min(Math.max(model.probability(row.x(), h), 1e-12), 1 - 1e-12);
            loss -= outcome(row.country(), issueMonth(row.month(), in), h, labelled) ? Math.log(p) : Math.log(1 - p);
            n++;
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

package nl.horizon.backtest;

import nl.horizon.backtest.forecast.ReplayedHistory;
import nl.horizon.backtest.forecast.StructuralConditions;
import nl.horizon.streams.forecast.ForecastFeatures;
import nl.horizon.streams.forecast.ForecastModel;
import nl.horizon.streams.forecast.LogisticRegression;
import nl.horizon.streams.forecast.ReleaseCalendar;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.*;

/**
 * Throwaway: the fourth round's figures (docs/backtest.md, "Fourth round"), kept in history only. Every
 * candidate gives, per validation fold and horizon, a probability for every country-month of the feature
 * table from a fit on outcomes up to the month before the fold; they are judged as {@link ForecastFit}
 * judges its penalties and rules (the reference re-derives forecast-1's pooled figures this way).
 */
class FourthRoundHarness {

    static final YearMonth UNTIL = YearMonth.of(2009, 12);
    static final ReleaseCalendar CAL = new ReleaseCalendar(30);
    static final List<Integer> H = ForecastFit.HORIZONS;

    record Row(String country, YearMonth month, YearMonth issued, double[] x) {}

    /** Probabilities per fold, horizon and row of {@code all}. */
    interface Candidate {
        double[][] probabilities(int fold);
    }

    record Judged(String name, String setting, double logLoss, ForecastModel.AlertRule rule, Map<String, Tally> ahead16,
                  Map<String, Tally> ahead13, List<Double> foldF1, int issued, Map<String, double[]> loss) {}

    List<Row> all = new ArrayList<>();
    List<ForecastModel.Fold> folds;
    LabelSet labels;
    Set<String> any = new HashSet<>(), onset = new HashSet<>(), escalation = new HashSet<>();
    List<List<ForecastModel.Feature>> moments = new ArrayList<>();
    List<double[][]> standardised = new ArrayList<>();

    /** The 2010-2019 run needs more heap than the test JVM's 1 GB: {@code java -Xmx6g ... FourthRoundHarness}. */
    public static void main(String[] args) throws Exception {
        new FourthRoundHarness().outOfSample();
    }

    /**
     * Candidate f, taken on validation: refitted on outcomes to 2009-12 with its chosen setting and rule
     * (from {@link #run()}: max_depth 2, eta 0.05, min_child_weight 10, 300 rounds; p(3) >= 0.1, cooldown 3)
     * and back-tested once on 2010-2019 by the same code as forecast-1, into /tmp/f4-backtest-f.
     */
    @Test
    void outOfSample() throws Exception {
        Path shared = BacktestTest.series().getParent().getParent();
        MonthlySeries series = MonthlySeries.read(BacktestTest.series(), YearMonth.of(1989, 1), UNTIL);
        ReplayedHistory history = ReplayedHistory.of(series, StructuralConditions.read(shared.resolve("structural")),
                EventLabels.coups("coups", shared.resolve("conflict-labels/" + Backtest.COUPS), YearMonth.of(1946, 1),
                        UNTIL, new ArrayList<>()).onsets());
        labels = OnsetLabels.of(Backtest.FATALITY_LABELS, series);
        labels.onsets().forEach(o -> any.add(o.country() + "|" + o.month()));
        YearMonth first = new ForecastFeatures(history, CAL).firstIssuable();
        FeatureTable table = FeatureTable.of(history, CAL, first, UNTIL);
        table.rows().forEach((country, byMonth) -> byMonth.forEach((month, x) ->
                all.add(new Row(country, month, YearMonth.from(CAL.release(month)), x))));
        long t0 = System.nanoTime();
        List<double[]> momentRows = all.stream().filter(r -> !r.issued.plusMonths(H.getLast()).isAfter(UNTIL))
                .map(Row::x).toList();
        List<ForecastModel.Feature> features = new ArrayList<>();
        for (int j = 0; j < ForecastFeatures.NAMES.size(); j++) {
            features.add(moment(ForecastFeatures.NAMES.get(j), momentRows, j));
        }
        int horizon = 3;
        int[] idx = java.util.stream.IntStream.range(0, all.size())
                .filter(i -> !all.get(i).issued.plusMonths(horizon).isAfter(UNTIL)).toArray();
        double[][] x = new double[idx.length][];
        int[] y = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            x[i] = ForecastModel.standardise(features, all.get(idx[i]).x);
            y[i] = outcome(all.get(idx[i]), horizon, any) ? 1 : 0;
        }
        BoostedTrees.Fit fit = new BoostedTrees(2, 0.05, 10, 300).fit(x, y);
        System.out.printf(Locale.ROOT, "final fit to %s: %d rows, %d outcomes, %.1f s%n", UNTIL, y.length,
                Arrays.stream(y).sum(), (System.nanoTime() - t0) / 1e9);
        List<ForecastModel.Fold> validated = List.of(
                new ForecastModel.Fold(YearMonth.of(1999, 12), YearMonth.of(2000, 1), YearMonth.of(2004, 12)),
                new ForecastModel.Fold(YearMonth.of(2004, 12), YearMonth.of(2005, 1), YearMonth.of(2009, 12)));
        ForecastModel carrier = new ForecastModel("forecast-f-candidate",
                new ForecastModel.FitWindow(first, UNTIL, y.length, Arrays.stream(y).sum()),
                new ForecastModel.Validation(validated, "boosted trees max_depth 2 eta 0.05 min_child_weight 10 rounds 300"
                        + " by pooled log loss; rule by F1 1-6 months ahead", 0.343),
                0, new ForecastModel.AlertRule(horizon, 0.1, 3), features,
                // no logistic: the issuer gives the trees' probabilities; the carrier names the version and rule
                List.of(new ForecastModel.Horizon(horizon, Double.NaN, Map.of())));
        Backtest.Issuer issuer = t -> {
            Map<String, TreeMap<YearMonth, Double>> p = new TreeMap<>();
            t.rows().forEach((country, byMonth) -> {
                List<YearMonth> months = new ArrayList<>(byMonth.keySet());
                double[][] z = months.stream().map(m -> ForecastModel.standardise(features, byMonth.get(m)))
                        .toArray(double[][]::new);
                double[] q = fit.probabilities(z, 300);
                TreeMap<YearMonth, Double> out = new TreeMap<>();
                for (int i = 0; i < months.size(); i++) {
                    out.put(months.get(i), q[i]);
                }
                p.put(country, out);
            });
            return new ForecastRun(carrier, horizon, p);
        };
        Path out = Path.of("/tmp/f4-backtest-f");
        java.nio.file.Files.createDirectories(out);
        t0 = System.nanoTime();
        Backtest.Result result = Backtest.run(new Backtest.Settings(BacktestTest.series(), YearMonth.of(1989, 1),
                List.of(new Evaluation("headline", YearMonth.of(2010, 1), YearMonth.of(2019, 12)),
                        new Evaluation("reference", YearMonth.of(1990, 1), YearMonth.of(2019, 12))), out,
                nl.horizon.schema.RiskLevel.WARNING, shared.resolve("conflict-labels"),
                shared.resolve("hdx-signals/hdx_signals_1998-2019.csv"), Map.of(
                "YEM", shared.resolve("gdelt/gdelt_yemen_actor1_monthyear_eventcode_counts_2010-02_2016-05.csv"),
                "SLE", shared.resolve("gdelt/gdelt_sierraleone_actor1_monthyear_eventcode_counts_2010-02_2016-05.csv")),
                new Backtest.Forecast(carrier, shared.resolve("structural"), issuer)), BacktestTest.model(), System.out);
        System.out.printf(Locale.ROOT, "back-test: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        result.evaluations().forEach(e -> {
            System.out.println(e.window() + ":");
            e.scorecards().forEach(s -> System.out.printf(Locale.ROOT,
                    "  %-32s %-17s %-24s alerts %5d  hits %4d  labels %4d  missed %4d  precision %.3f  recall %.3f"
                            + "  F1 %.3f [%.3f, %.3f]%n", s.labels(), s.lead(), s.method(), s.alerts(), s.hits(),
                    s.onsets(), s.missed(), s.precision(), s.recall(), s.f1(), s.f1Interval().low(),
                    s.f1Interval().high()));
        });
    }

    @Test
    void run() throws Exception {
        Path shared = BacktestTest.series().getParent().getParent();
        MonthlySeries series = MonthlySeries.read(BacktestTest.series(), YearMonth.of(1989, 1), UNTIL);
        ReplayedHistory history = ReplayedHistory.of(series, StructuralConditions.read(shared.resolve("structural")),
                EventLabels.coups("coups", shared.resolve("conflict-labels/" + Backtest.COUPS), YearMonth.of(1946, 1),
                        UNTIL, new ArrayList<>()).onsets());
        labels = OnsetLabels.of(Backtest.FATALITY_LABELS, series);
        labels.onsets().forEach(o -> {
            any.add(o.country() + "|" + o.month());
            (o.kind().equals("onset") ? onset : escalation).add(o.country() + "|" + o.month());
        });
        System.out.println("labels by kind: " + labels.onsets().stream().collect(
                java.util.stream.Collectors.groupingBy(Onset::kind, TreeMap::new, java.util.stream.Collectors.counting())));
        ForecastFit.Inputs in = new ForecastFit.Inputs("reference", history, labels, CAL,
                List.of(YearMonth.of(2000, 1), YearMonth.of(2005, 1)), UNTIL);
        folds = in.folds();
        long t0 = System.nanoTime();
        ForecastModel forecastFit = ForecastFit.fit(in);
        System.out.printf(Locale.ROOT, "ForecastFit.fit (pooled folds): l2 %s rule %s f1 %s%n  %s%n  %.1f s%n",
                forecastFit.l2(), forecastFit.alert(), forecastFit.validation().f1(),
                forecastFit.validation().choices(), (System.nanoTime() - t0) / 1e9);

        FeatureTable table = FeatureTable.of(history, CAL, new ForecastFeatures(history, CAL).firstIssuable(), UNTIL);
        table.rows().forEach((country, byMonth) -> byMonth.forEach((month, x) ->
                all.add(new Row(country, month, YearMonth.from(CAL.release(month)), x))));
        for (ForecastModel.Fold fold : folds) {
            List<double[]> rows = all.stream().filter(r -> !r.issued.plusMonths(H.getLast()).isAfter(fold.fitTo()))
                    .map(Row::x).toList();
            List<ForecastModel.Feature> f = new ArrayList<>();
            for (int j = 0; j < ForecastFeatures.NAMES.size(); j++) {
                f.add(moment(ForecastFeatures.NAMES.get(j), rows, j));
            }
            moments.add(f);
            standardised.add(all.stream().map(r -> ForecastModel.standardise(f, r.x)).toArray(double[][]::new));
        }

        // reference: forecast-1's logistic, penalty by pooled log loss
        t0 = System.nanoTime();
        Judged reference = best("reference (forecast-1's logistic)", ForecastFit.PENALTIES.stream().map(l -> Map.entry(
                "l2 " + l, (Candidate) k -> logistic(k, l, any))).toList());
        System.out.printf(Locale.ROOT, "  reference: %.1f s%n", (System.nanoTime() - t0) / 1e9);

        // f: gradient-boosted trees; 300 rounds fitted per setting, 50/150/300 read back
        t0 = System.nanoTime();
        List<Map.Entry<String, Candidate>> trees = new ArrayList<>();
        for (int depth : List.of(2, 3, 4)) {
            for (double eta : List.of(0.05, 0.1)) {
                for (double mcw : List.of(1.0, 10.0)) {
                    Map<Integer, double[][][]> byRounds = new HashMap<>();
                    BoostedTrees settings = new BoostedTrees(depth, eta, mcw, 300);
                    for (int rounds : ROUNDS) {
                        trees.add(Map.entry(String.format(Locale.ROOT, "max_depth %d eta %s min_child_weight %s rounds %d",
                                depth, eta, mcw, rounds), k -> boosted(settings, byRounds, k, rounds)));
                    }
                }
            }
        }
        Judged f = best("f. gradient-boosted trees", trees);
        System.out.printf(Locale.ROOT, "  f: %.1f s%n", (System.nanoTime() - t0) / 1e9);

        // g: onset and escalation apart, p = 1 - (1 - p_on)(1 - p_esc)
        t0 = System.nanoTime();
        Judged g = best("g. onset and escalation models", ForecastFit.PENALTIES.stream().map(l -> Map.entry(
                "l2 " + l, (Candidate) k -> {
                    double[][] on = logistic(k, l, onset);
                    double[][] esc = logistic(k, l, escalation);
                    double[][] p = new double[H.size()][all.size()];
                    for (int hi = 0; hi < H.size(); hi++) {
                        for (int i = 0; i < all.size(); i++) {
                            p[hi][i] = 1 - (1 - on[hi][i]) * (1 - esc[hi][i]);
                        }
                    }
                    return p;
                })).toList());
        System.out.printf(Locale.ROOT, "  g: %.1f s%n", (System.nanoTime() - t0) / 1e9);

        List<String> countries = new ArrayList<>(new TreeSet<>(history.countries()));
        for (Judged j : List.of(reference, f, g)) {
            report(j, reference, countries);
        }
    }

    /** Judges each setting by pooled log loss, keeps the best, and chooses its rule by pooled F1 1-6. */
    Judged best(String name, List<Map.Entry<String, Candidate>> settings) {
        double bestLoss = Double.POSITIVE_INFINITY;
        String bestSetting = null;
        double[][][] bestP = null;
        for (Map.Entry<String, Candidate> s : settings) {
            double[][][] p = new double[folds.size()][][];
            for (int k = 0; k < folds.size(); k++) {
                p[k] = s.getValue().probabilities(k);
            }
            double loss = 0;
            for (int hi = 0; hi < H.size(); hi++) {
                loss += meanLoss(p, hi);
            }
            System.out.printf(Locale.ROOT, "  %s | %s: log loss %.4f%n", name, s.getKey(), loss);
            if (loss < bestLoss) {
                bestLoss = loss;
                bestSetting = s.getKey();
                bestP = p;
            }
        }
        Evaluation window = new Evaluation("validation", folds.getFirst().from(), UNTIL);
        ForecastModel.AlertRule rule = null;
        double bestF1 = -1;
        for (int hi = 0; hi < H.size(); hi++) {
            for (int cooldown : ForecastFit.COOLDOWNS) {
                for (double threshold : ForecastFit.THRESHOLDS) {
                    double f1 = Tally.total(Tally.byCountry(alerts(bestP, hi, threshold, cooldown, null), labels,
                            LeadWindow.AHEAD_1_6, window, CAL)).f1();
                    if (f1 > bestF1) {
                        bestF1 = f1;
                        rule = new ForecastModel.AlertRule(H.get(hi), threshold, cooldown);
                    }
                }
            }
        }
        int hi = H.indexOf(rule.horizonMonths());
        List<Double> foldF1 = new ArrayList<>();
        List<Alert> pooled = alerts(bestP, hi, rule.threshold(), rule.cooldownMonths(), foldF1);
        Map<String, double[]> loss = new HashMap<>();
        for (int h = 0; h < H.size(); h++) {
            for (int k = 0; k < folds.size(); k++) {
                for (int i = 0; i < all.size(); i++) {
                    Row r = all.get(i);
                    if (inFold(r, k, H.get(h))) {
                        double[] acc = loss.computeIfAbsent(r.country, c -> new double[2]);
                        acc[0] += rowLoss(bestP[k][h][i], r, H.get(h));
                        acc[1]++;
                    }
                }
            }
        }
        return new Judged(name, bestSetting, bestLoss, rule,
                Tally.byCountry(pooled, labels, LeadWindow.AHEAD_1_6, window, CAL),
                Tally.byCountry(pooled, labels, LeadWindow.AHEAD_1_3, window, CAL), foldF1, pooled.size(), loss);
    }

    /** Each fold's alerts from its own probabilities, pooled; the fold F1s 1-6 into {@code foldF1} if given. */
    List<Alert> alerts(double[][][] p, int hi, double threshold, int cooldown, List<Double> foldF1) {
        List<Alert> pooled = new ArrayList<>();
        for (int k = 0; k < folds.size(); k++) {
            Map<String, TreeMap<YearMonth, Double>> byCountry = new TreeMap<>();
            for (int i = 0; i < all.size(); i++) {
                byCountry.computeIfAbsent(all.get(i).country, c -> new TreeMap<>()).put(all.get(i).month, p[k][hi][i]);
            }
            Evaluation fold = new Evaluation("fold", folds.get(k).from(), folds.get(k).to());
            List<Alert> a = new ForecastRun(null, H.get(hi), byCountry).alerts(threshold, cooldown, CAL).stream()
                    .filter(x -> fold.issued(x, CAL)).toList();
            pooled.addAll(a);
            if (foldF1 != null) {
                foldF1.add(Tally.total(Tally.byCountry(a, labels, LeadWindow.AHEAD_1_6, fold, CAL)).f1());
            }
        }
        return pooled;
    }

    boolean inFold(Row r, int k, int h) {
        return !r.issued.plusMonths(h).isAfter(UNTIL) && !r.issued.isBefore(folds.get(k).from())
                && !r.issued.isAfter(folds.get(k).to());
    }

    double rowLoss(double p, Row r, int h) {
        double q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
        return outcome(r, h, any) ? -Math.log(q) : -Math.log(1 - q);
    }

    double meanLoss(double[][][] p, int hi) {
        double loss = 0;
        int n = 0;
        for (int i = 0; i < all.size(); i++) {
            for (int k = 0; k < folds.size(); k++) {
                if (inFold(all.get(i), k, H.get(hi))) {
                    loss += rowLoss(p[k][hi][i], all.get(i), H.get(hi));
                    n++;
                }
            }
        }
        return loss / n;
    }

    static boolean outcome(Row r, int h, Set<String> labelled) {
        for (int ahead = 1; ahead <= h; ahead++) {
            if (labelled.contains(r.country + "|" + r.issued.plusMonths(ahead))) {
                return true;
            }
        }
        return false;
    }

    /** Indices of the rows a fit of horizon h on fold k may use (outcome at or before the fold's fit end). */
    int[] training(int k, int h) {
        YearMonth fitTo = folds.get(k).fitTo();
        return java.util.stream.IntStream.range(0, all.size())
                .filter(i -> !all.get(i).issued.plusMonths(h).isAfter(fitTo)).toArray();
    }

    double[][] logistic(int k, double lambda, Set<String> labelled) {
        double[][] p = new double[H.size()][all.size()];
        double[][] z = standardised.get(k);
        for (int hi = 0; hi < H.size(); hi++) {
            int h = H.get(hi);
            int[] idx = training(k, h);
            double[][] x = new double[idx.length][];
            int[] y = new int[idx.length];
            for (int i = 0; i < idx.length; i++) {
                x[i] = z[idx[i]];
                y[i] = outcome(all.get(idx[i]), h, labelled) ? 1 : 0;
            }
            double[] beta = LogisticRegression.fit(x, y, lambda);
            for (int i = 0; i < all.size(); i++) {
                p[hi][i] = LogisticRegression.probability(beta, z[i]);
            }
        }
        return p;
    }

    /** One 300-round fit per fold and horizon, read back at 50, 150 and 300 rounds: [rounds][horizon][row]. */
    double[][] boosted(BoostedTrees settings, Map<Integer, double[][][]> cache, int k, int rounds) {
        double[][][] out = cache.computeIfAbsent(k, kk -> {
            double[][] z = standardised.get(kk);
            double[][][] byRounds = new double[3][H.size()][];
            for (int hi = 0; hi < H.size(); hi++) {
                int h = H.get(hi);
                int[] idx = training(kk, h);
                double[][] x = new double[idx.length][];
                int[] y = new int[idx.length];
                for (int i = 0; i < idx.length; i++) {
                    x[i] = z[idx[i]];
                    y[i] = outcome(all.get(idx[i]), h, any) ? 1 : 0;
                }
                BoostedTrees.Fit fit = settings.fit(x, y);
                for (int r = 0; r < 3; r++) {
                    byRounds[r][hi] = fit.probabilities(z, ROUNDS.get(r));
                }
            }
            return byRounds;
        });
        return out[ROUNDS.indexOf(rounds)];
    }

    static final List<Integer> ROUNDS = List.of(50, 150, 300);

    void report(Judged j, Judged ref, List<String> countries) {
        Tally t16 = Tally.total(j.ahead16);
        Tally t13 = Tally.total(j.ahead13);
        double n = j.loss.values().stream().mapToDouble(a -> a[1]).sum();
        double l = j.loss.values().stream().mapToDouble(a -> a[0]).sum();
        System.out.printf(Locale.ROOT, "%s | %s | pooled log loss %.4f | rule %s | F1 1-6 %.3f (folds %s) alerts judged %d hits %d"
                        + " issued %d | warned %d / missed %d of %d | F1 1-3 %.3f warned %d / missed %d of %d | per forecast %.5f%n",
                j.name, j.setting, j.logLoss, j.rule, t16.f1(), j.foldF1, t16.alerts(), t16.hits(), j.issued,
                t16.detected(), t16.onsets() - t16.detected(), t16.onsets(), t13.f1(), t13.detected(),
                t13.onsets() - t13.detected(), t13.onsets(), l / n);
        if (j == ref) {
            return;
        }
        CountryBootstrap boot = new CountryBootstrap(countries, 1000, 17);
        System.out.println("  F1 1-6 - reference: " + (t16.f1() - Tally.total(ref.ahead16).f1()) + " "
                + boot.f1Difference(j.ahead16, ref.ahead16));
        SplittableRandom random = new SplittableRandom(17);
        double[] diffs = new double[1000];
        for (int r = 0; r < 1000; r++) {
            int[] times = new int[countries.size()];
            for (int i = 0; i < times.length; i++) times[random.nextInt(times.length)]++;
            double lc = 0, lr = 0, m = 0;
            for (int c = 0; c < times.length; c++) {
                if (times[c] == 0) continue;
                double[] a = j.loss.getOrDefault(countries.get(c), new double[2]);
                double[] b = ref.loss.getOrDefault(countries.get(c), new double[2]);
                lc += times[c] * a[0]; lr += times[c] * b[0]; m += times[c] * a[1];
            }
            diffs[r] = (lc - lr) / m;
        }
        Arrays.sort(diffs);
        double lr = ref.loss.values().stream().mapToDouble(a -> a[0]).sum();
        System.out.printf(Locale.ROOT, "  log loss per forecast - reference: %+.5f [%+.5f, %+.5f]%n", (l - lr) / n,
                diffs[(int) Math.round(0.05 * 999)], diffs[(int) Math.round(0.95 * 999)]);
    }

    static ForecastModel.Feature moment(String name, List<double[]> rows, int j) {
        double sum = 0, squares = 0;
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

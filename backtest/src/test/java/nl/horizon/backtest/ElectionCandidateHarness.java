package nl.horizon.backtest;

import nl.horizon.backtest.forecast.ElectionEvents;
import nl.horizon.backtest.forecast.ReplayedHistory;
import nl.horizon.backtest.forecast.StructuralConditions;
import nl.horizon.streams.forecast.ForecastFeatures;
import nl.horizon.streams.forecast.ForecastModel;
import nl.horizon.streams.forecast.ReleaseCalendar;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.*;

/** Throwaway: the third round's figures (not committed). */
class ElectionCandidateHarness {

    record Result(ForecastModel model, Map<String, Tally> pooled, List<Double> foldF1, Map<String, double[]> loss) {}

    @Test
    void run() throws Exception {
        Path shared = BacktestTest.series().getParent().getParent();
        YearMonth until = YearMonth.of(2009, 12);
        ReleaseCalendar cal = new ReleaseCalendar(30);
        MonthlySeries series = MonthlySeries.read(BacktestTest.series(), YearMonth.of(1989, 1), until);
        List<Onset> coups = EventLabels.coups("coups", shared.resolve("conflict-labels/" + Backtest.COUPS),
                YearMonth.of(1946, 1), until, new ArrayList<>()).onsets();
        StructuralConditions st = StructuralConditions.read(shared.resolve("structural"));
        List<String> unmapped = new ArrayList<>();
        var elections = ElectionEvents.read(shared.resolve("structural/reign_electionlist_2021-03_to2019.csv"), until, unmapped);
        System.out.println("unmapped: " + new TreeSet<>(unmapped) + " (" + unmapped.size() + " rows); countries " + elections.size());
        LabelSet labels = OnsetLabels.of(Backtest.FATALITY_LABELS, series);
        List<YearMonth> vf = List.of(YearMonth.of(2000, 1), YearMonth.of(2005, 1));
        ReplayedHistory refH = ReplayedHistory.of(series, st, coups);
        ReplayedHistory candH = ReplayedHistory.of(series, st, coups, Optional.of(elections));
        Result ref = result("reference", refH, labels, cal, vf, until);
        Result cand = result("candidate", candH, labels, cal, vf, until);
        List<String> countries = new ArrayList<>(new TreeSet<>(refH.countries()));
        CountryBootstrap boot = new CountryBootstrap(countries, 1000, 17);
        System.out.println("F1 cand - ref: " + (Tally.total(cand.pooled).f1() - Tally.total(ref.pooled).f1()) + " "
                + boot.f1Difference(cand.pooled, ref.pooled));
        // log loss per forecast difference, countries resampled (seed 17, as CountryBootstrap)
        SplittableRandom random = new SplittableRandom(17);
        double[] diffs = new double[1000];
        for (int r = 0; r < 1000; r++) {
            int[] times = new int[countries.size()];
            for (int i = 0; i < times.length; i++) times[random.nextInt(times.length)]++;
            double lc = 0, lr = 0, n = 0;
            for (int c = 0; c < times.length; c++) {
                if (times[c] == 0) continue;
                double[] a = cand.loss.getOrDefault(countries.get(c), new double[2]);
                double[] b = ref.loss.getOrDefault(countries.get(c), new double[2]);
                lc += times[c] * a[0]; lr += times[c] * b[0]; n += times[c] * a[1];
            }
            diffs[r] = (lc - lr) / n;
        }
        Arrays.sort(diffs);
        double lc = cand.loss.values().stream().mapToDouble(a -> a[0]).sum();
        double lr = ref.loss.values().stream().mapToDouble(a -> a[0]).sum();
        double n = ref.loss.values().stream().mapToDouble(a -> a[1]).sum();
        System.out.printf(Locale.ROOT, "log loss per forecast: ref %.6f cand %.6f diff %+.6f [%+.6f, %+.6f]%n", lr / n, lc / n,
                (lc - lr) / n, diffs[(int) Math.round(0.05 * 999)], diffs[(int) Math.round(0.95 * 999)]);
        System.out.println("cand coefficients: " + cand.model.horizons());
        System.out.println("cand features: " + cand.model.features().subList(18, 21)); cand.model.horizons().forEach(hz -> System.out.println(hz.months() + ": " + hz.coefficients().entrySet().stream().filter(e -> e.getKey().startsWith("elections")).toList()));
    }

    @SuppressWarnings("unchecked")
    static Result result(String name, ReplayedHistory h, LabelSet labels, ReleaseCalendar cal, List<YearMonth> vf,
                         YearMonth until) throws Exception {
        ForecastFit.Inputs in = new ForecastFit.Inputs(name, h, labels, cal, vf, until);
        ForecastModel model = ForecastFit.fit(in);
        System.out.println(name + ": l2 " + model.l2() + " rule " + model.alert() + " f1 " + model.validation().f1()
                + "\n  " + model.validation().choices());
        FeatureTable table = FeatureTable.of(h, cal, new ForecastFeatures(h, cal).firstIssuable(), until);
        Set<String> labelled = new HashSet<>();
        labels.onsets().forEach(o -> labelled.add(o.country() + "|" + o.month()));
        List<ForecastModel.Fold> folds = in.folds();
        Method m = ForecastFit.class.getDeclaredMethod("trials", ForecastFit.Inputs.class, FeatureTable.class, Set.class,
                List.class, double.class);
        m.setAccessible(true);
        List<ForecastModel> trials = (List<ForecastModel>) m.invoke(null, in, table, labelled, folds, model.l2());
        ForecastModel.AlertRule rule = model.alert();
        List<Alert> pooled = new ArrayList<>();
        List<Double> foldF1 = new ArrayList<>();
        for (int k = 0; k < folds.size(); k++) {
            Evaluation fold = new Evaluation("fold", folds.get(k).from(), folds.get(k).to());
            List<Alert> a = ForecastRun.of(trials.get(k), rule.horizonMonths(), table)
                    .alerts(rule.threshold(), rule.cooldownMonths(), cal).stream().filter(x -> fold.issued(x, cal)).toList();
            pooled.addAll(a);
            foldF1.add(Tally.total(Tally.byCountry(a, labels, LeadWindow.AHEAD_1_6, fold, cal)).f1());
        }
        Evaluation window = new Evaluation("validation", folds.get(0).from(), until);
        Map<String, Tally> byCountry = Tally.byCountry(pooled, labels, LeadWindow.AHEAD_1_6, window, cal);
        Tally total = Tally.total(byCountry);
        System.out.println(name + ": pooled F1 " + total.f1() + " alerts judged " + total.alerts() + " hits " + total.hits()
                + " labels " + total.onsets() + " detected " + total.detected() + " folds " + foldF1 + " issued " + pooled.size());
        Map<String, double[]> loss = new HashMap<>();
        for (int hz : ForecastFit.HORIZONS) {
            final int hh = hz;
            table.rows().forEach((country, byMonth) -> byMonth.forEach((month, x) -> {
                YearMonth issued = YearMonth.from(cal.release(month));
                if (issued.plusMonths(hh).isAfter(until)) return;
                for (int k = 0; k < folds.size(); k++) {
                    if (issued.isBefore(folds.get(k).from()) || issued.isAfter(folds.get(k).to())) continue;
                    double p = Math.min(Math.max(trials.get(k).probability(x, hh), 1e-12), 1 - 1e-12);
                    boolean y = false;
                    for (int a = 1; a <= hh; a++) y |= labelled.contains(country + "|" + issued.plusMonths(a));
                    double[] acc = loss.computeIfAbsent(country, c -> new double[2]);
                    acc[0] -= y ? Math.log(p) : Math.log(1 - p);
                    acc[1]++;
                }
            }));
        }
        return new Result(model, byCountry, foldF1, loss);
    }
}

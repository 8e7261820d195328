package nl.horizon.backtest;

import nl.horizon.streams.forecast.ReleaseCalendar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every method judged in one evaluation window: against every label set, in every lead window, alone, at
 * matched volume (each method under test against the baselines and the methods under test before it), and
 * thinned along its own strength (the precision–recall curve).
 *
 * @param window      the evaluation window
 * @param scorecards  each method as it ran, per label set and lead window
 * @param comparisons each method under test against each baseline and each earlier method under test, at
 *                    matched volume
 * @param curve       each method thinned to a share of its alerts
 */
public record EvaluationResult(Evaluation window, List<Scorecard> scorecards, List<Comparison> comparisons,
                               List<CurvePoint> curve) {

    /** The shares of its own alerts each method is thinned to for the curve. */
    static final List<Double> SHARES = List.of(0.25, 0.5, 0.75, 1.0);
    static final int RESAMPLES = 1000;
    /** Fixes the resamples (the issue this instrument answers). */
    static final long SEED = 17;

    /**
     * The methods, by name.
     *
     * @param underTest Horizon's own methods (the detector first), each compared with the ones before it
     * @param alerts    every method's alerts, in report order
     * @param baselines the methods every method under test is compared with
     */
    record Methods(List<String> underTest, Map<String, List<Alert>> alerts, List<String> baselines) {
    }

    /**
     * Judges {@code methods} in {@code window}. Only alerts issued inside the window count; {@code countries}
     * are the countries of the test, resampled for the intervals (with every country that has an alert or
     * a label).
     */
    static EvaluationResult judge(Evaluation window, Methods methods, List<LabelSet> labelSets,
                                  ReleaseCalendar calendar, Set<String> countries) {
        Map<String, List<Alert>> issued = new java.util.LinkedHashMap<>();
        Set<String> universe = new TreeSet<>(countries);
        methods.alerts().forEach((name, alerts) -> {
            List<Alert> in = alerts.stream().filter(a -> window.issued(a, calendar)).toList();
            issued.put(name, in);
            in.forEach(a -> universe.add(a.country()));
        });
        labelSets.forEach(set -> set.onsets().forEach(o -> universe.add(o.country())));
        CountryBootstrap bootstrap = new CountryBootstrap(List.copyOf(universe), RESAMPLES, SEED);

        List<Scorecard> cards = new ArrayList<>();
        List<Comparison> comparisons = new ArrayList<>();
        List<CurvePoint> curve = new ArrayList<>();
        for (LabelSet labels : labelSets) {
            for (LeadWindow lead : LeadWindow.ALL) {
                issued.forEach((name, alerts) -> {
                    cards.add(Scorecard.of(labels.name(), lead, name,
                            Tally.byCountry(alerts, labels, lead, window, calendar), bootstrap));
                    for (double share : SHARES) {
                        Tally t = Tally.total(Tally.byCountry(AlertVolume.share(alerts, share), labels, lead, window,
                                calendar));
                        curve.add(new CurvePoint(labels.name(), lead.name(), name, share, t.alerts(),
                                Scorecard.round(t.precision()), Scorecard.round(t.recall())));
                    }
                });
                for (int m = 0; m < methods.underTest().size(); m++) {
                    String method = methods.underTest().get(m);
                    List<String> others = new ArrayList<>(methods.underTest().subList(0, m));
                    others.addAll(methods.baselines());
                    for (String other : others) {
                        comparisons.add(compare(labels, lead, window, calendar, bootstrap, method, issued.get(method),
                                other, issued.get(other)));
                    }
                }
            }
        }
        return new EvaluationResult(window, cards, comparisons, curve);
    }

    private static Comparison compare(LabelSet labels, LeadWindow lead, Evaluation window, ReleaseCalendar calendar,
                                      CountryBootstrap bootstrap, String methodName, List<Alert> method,
                                      String baselineName, List<Alert> baseline) {
        int volume = Math.min(method.size(), baseline.size());
        String thinned = method.size() > baseline.size() ? methodName
                : baseline.size() > method.size() ? baselineName : "neither";
        Map<String, Tally> h = Tally.byCountry(AlertVolume.strongest(method, volume), labels, lead, window, calendar);
        Map<String, Tally> b = Tally.byCountry(AlertVolume.strongest(baseline, volume), labels, lead, window, calendar);
        Scorecard hs = Scorecard.of(labels.name(), lead, methodName, h, bootstrap);
        Scorecard bs = Scorecard.of(labels.name(), lead, baselineName, b, bootstrap);
        return new Comparison(labels.name(), lead.name(), methodName, baselineName, volume, thinned, hs, bs,
                Scorecard.round(hs.f1() - bs.f1()), bootstrap.f1Difference(h, b));
    }
}

package nl.horizon.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every method judged in one evaluation window: against every label set, in every lead window, alone, at
 * matched volume against Horizon, and thinned along its own strength (the precision–recall curve).
 *
 * @param window      the evaluation window
 * @param scorecards  each method as it ran, per label set and lead window
 * @param comparisons Horizon against each baseline at matched volume
 * @param curve       each method thinned to a share of its alerts
 */
public record EvaluationResult(Evaluation window, List<Scorecard> scorecards, List<Comparison> comparisons,
                               List<CurvePoint> curve) {

    /** The shares of its own alerts each method is thinned to for the curve. */
    static final List<Double> SHARES = List.of(0.25, 0.5, 0.75, 1.0);
    static final int RESAMPLES = 1000;
    /** Fixes the resamples (the issue this instrument answers). */
    static final long SEED = 17;

    /** The methods, by name, compared. */
    record Methods(String horizon, Map<String, List<Alert>> alerts, List<String> baselines) {
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
                for (String baseline : methods.baselines()) {
                    comparisons.add(compare(labels, lead, window, calendar, bootstrap, methods.horizon(),
                            issued.get(methods.horizon()), baseline, issued.get(baseline)));
                }
            }
        }
        return new EvaluationResult(window, cards, comparisons, curve);
    }

    private static Comparison compare(LabelSet labels, LeadWindow lead, Evaluation window, ReleaseCalendar calendar,
                                      CountryBootstrap bootstrap, String horizonName, List<Alert> horizon,
                                      String baselineName, List<Alert> baseline) {
        int volume = Math.min(horizon.size(), baseline.size());
        String thinned = horizon.size() > baseline.size() ? "horizon"
                : baseline.size() > horizon.size() ? baselineName : "neither";
        Map<String, Tally> h = Tally.byCountry(AlertVolume.strongest(horizon, volume), labels, lead, window, calendar);
        Map<String, Tally> b = Tally.byCountry(AlertVolume.strongest(baseline, volume), labels, lead, window, calendar);
        Scorecard hs = Scorecard.of(labels.name(), lead, horizonName, h, bootstrap);
        Scorecard bs = Scorecard.of(labels.name(), lead, baselineName, b, bootstrap);
        return new Comparison(labels.name(), lead.name(), baselineName, volume, thinned, hs, bs,
                Scorecard.round(hs.f1() - bs.f1()), bootstrap.f1Difference(h, b));
    }
}

package nl.horizon.backtest;

import java.util.Map;

/**
 * How well one method's alerts anticipate one label set in one lead window ({@link LeadWindow}), with
 * misses beside hits.
 *
 * @param labels      the label set
 * @param lead        the lead window's name
 * @param method      the method
 * @param alerts      alerts judged
 * @param hits        alerts that counted for a label
 * @param falseAlarms alerts that counted for none
 * @param onsets      labels judged
 * @param detected    labels an alert counted for
 * @param missed      labels no alert counted for
 * @param precision   hits / alerts
 * @param recall      detected / onsets
 * @param f1          harmonic mean of the two
 * @param f1Interval  90% interval of F1 from resampling countries
 */
public record Scorecard(String labels, String lead, String method, int alerts, int hits, int falseAlarms, int onsets,
                        int detected, int missed, double precision, double recall, double f1, Interval f1Interval) {

    /** The scorecard of per-country tallies, with its interval from {@code bootstrap}. */
    static Scorecard of(String labels, LeadWindow lead, String method, Map<String, Tally> tallies,
                        CountryBootstrap bootstrap) {
        Tally t = Tally.total(tallies);
        return new Scorecard(labels, lead.name(), method, t.alerts(), t.hits(), t.alerts() - t.hits(), t.onsets(),
                t.detected(), t.onsets() - t.detected(), round(t.precision()), round(t.recall()), round(t.f1()),
                bootstrap.f1(tallies));
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

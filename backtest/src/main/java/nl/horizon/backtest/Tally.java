package nl.horizon.backtest;

import nl.horizon.streams.forecast.ReleaseCalendar;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one country contributes to a scorecard: its judged alerts and how many anticipated a label, its
 * judged labels and how many were anticipated. Kept per country so that resampling countries
 * ({@link CountryBootstrap}) only adds tallies up.
 *
 * @param alerts   alerts judged (issued in the window, their whole lead window covered by labels)
 * @param hits     of those, alerts that counted for a label
 * @param onsets   labels judged (inside the window, with their whole lead window inside it)
 * @param detected of those, labels that an alert counted for
 */
public record Tally(int alerts, int hits, int onsets, int detected) {

    static final Tally ZERO = new Tally(0, 0, 0, 0);

    Tally plus(Tally other, int times) {
        return new Tally(alerts + times * other.alerts, hits + times * other.hits, onsets + times * other.onsets,
                detected + times * other.detected);
    }

    /**
     * Judges {@code alerts} (already those issued in {@code window}) against {@code labels} in {@code lead}.
     * An alert is judged when the labels cover every month it could count for; it is a hit when it counts
     * for any label, judged or not. A label is judged when it lies in the window late enough that all
     * alerts that could count for it were issued inside the window; any alert of the window may detect it.
     */
    static Map<String, Tally> byCountry(List<Alert> alerts, LabelSet labels, LeadWindow lead, Evaluation window,
                                        ReleaseCalendar calendar) {
        Map<String, List<Onset>> onsets = labels.onsets().stream().collect(Collectors.groupingBy(Onset::country));
        Map<String, List<Alert>> raised = alerts.stream().collect(Collectors.groupingBy(Alert::country));
        YearMonth until = window.judgedUntil(labels);
        YearMonth firstJudged = lead.firstJudged(window.from());
        Map<String, Tally> tallies = new HashMap<>();
        for (Alert alert : alerts) {
            if (!lead.lastTarget(alert).isAfter(until)) {
                boolean hit = onsets.getOrDefault(alert.country(), List.of()).stream()
                        .anyMatch(o -> lead.counts(alert, o, calendar));
                tallies.merge(alert.country(), new Tally(1, hit ? 1 : 0, 0, 0), (a, b) -> a.plus(b, 1));
            }
        }
        for (Onset onset : labels.onsets()) {
            if (!onset.month().isBefore(firstJudged) && !onset.month().isAfter(until)) {
                boolean detected = raised.getOrDefault(onset.country(), List.of()).stream()
                        .anyMatch(a -> lead.counts(a, onset, calendar));
                tallies.merge(onset.country(), new Tally(0, 0, 1, detected ? 1 : 0), (a, b) -> a.plus(b, 1));
            }
        }
        return tallies;
    }

    /** The sum over all countries. */
    static Tally total(Map<String, Tally> byCountry) {
        return byCountry.values().stream().reduce(ZERO, (a, b) -> a.plus(b, 1));
    }

    double precision() {
        return alerts == 0 ? 0 : (double) hits / alerts;
    }

    double recall() {
        return onsets == 0 ? 0 : (double) detected / onsets;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}

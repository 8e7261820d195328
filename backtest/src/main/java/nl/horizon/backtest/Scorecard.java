package nl.horizon.backtest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How well a method's alerts anticipate the labelled onsets. An alert counts for an onset in the same
 * country when it was raised at most {@code leadDays} before the onset and not after it.
 *
 * @param labels            the label set: fatality onsets, coups or conflict starts
 * @param method            the method
 * @param alerts            alerts raised
 * @param onsets            onsets labelled
 * @param hits              alerts that anticipated an onset
 * @param detected          onsets anticipated by at least one alert
 * @param precision         hits / alerts
 * @param recall            detected / onsets
 * @param f1                harmonic mean of the two
 * @param medianLeadDays    median days between the earliest anticipating alert and its onset
 * @param warned1Month      share of onsets anticipated at least 28 days ahead
 * @param warned3Months     share of onsets anticipated at least 84 days ahead
 * @param falseAlarmsPerCountryYear alerts that anticipated nothing, per country and year
 */
public record Scorecard(String labels, String method, int alerts, int onsets, int hits, int detected, double precision,
                        double recall, double f1, Double medianLeadDays, double warned1Month, double warned3Months,
                        double falseAlarmsPerCountryYear) {

    /** Scores {@code alerts} against {@code onsets}; {@code countryYears} is the size of the test. */
    public static Scorecard of(String labels, String method, List<Alert> alerts, List<Onset> onsets, int leadDays,
                               double countryYears) {
        int hits = 0;
        for (Alert a : alerts) {
            if (onsets.stream().anyMatch(o -> anticipates(a, o, leadDays))) {
                hits++;
            }
        }
        int detected = 0;
        int ahead1 = 0;
        int ahead3 = 0;
        List<Long> leads = new ArrayList<>();
        for (Onset o : onsets) {
            LocalDate earliest = alerts.stream().filter(a -> anticipates(a, o, leadDays)).map(Alert::date)
                    .min(Comparator.naturalOrder()).orElse(null);
            if (earliest != null) {
                detected++;
                long lead = ChronoUnit.DAYS.between(earliest, o.date());
                leads.add(lead);
                ahead1 += lead >= 28 ? 1 : 0;
                ahead3 += lead >= 84 ? 1 : 0;
            }
        }
        double precision = alerts.isEmpty() ? 0 : (double) hits / alerts.size();
        double recall = onsets.isEmpty() ? 0 : (double) detected / onsets.size();
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        leads.sort(Comparator.naturalOrder());
        Double median = leads.isEmpty() ? null : (double) leads.get(leads.size() / 2);
        double n = Math.max(1, onsets.size());
        return new Scorecard(labels, method, alerts.size(), onsets.size(), hits, detected, round(precision), round(recall),
                round(f1), median, round(ahead1 / n), round(ahead3 / n),
                round((alerts.size() - hits) / Math.max(1, countryYears)));
    }

    static boolean anticipates(Alert alert, Onset onset, int leadDays) {
        return alert.country().equals(onset.country()) && !alert.date().isAfter(onset.date())
                && !alert.date().isBefore(onset.date().minusDays(leadDays));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

package nl.horizon.backtest;

import java.util.Comparator;
import java.util.List;

/**
 * Thinning a method's alerts to a volume by its own strength ({@link Alert#score()}: Horizon's signal
 * score, a rule's monthly deaths, a published alert's value): the strongest first, ties by date and
 * country, so the same alerts give the same selection. Comparing methods at one volume separates skill
 * from noise: a method that raises more alerts finds more onsets and more false alarms.
 */
final class AlertVolume {

    private AlertVolume() {
    }

    /** The {@code n} strongest alerts (all of them if fewer). */
    static List<Alert> strongest(List<Alert> alerts, int n) {
        return alerts.stream().sorted(Comparator.comparingDouble(Alert::score).reversed()
                .thenComparing(Alert::date).thenComparing(Alert::country)).limit(n).toList();
    }

    /** The strongest {@code share} (0..1) of the alerts, rounded to whole alerts. */
    static List<Alert> share(List<Alert> alerts, double share) {
        return strongest(alerts, (int) Math.round(alerts.size() * share));
    }
}

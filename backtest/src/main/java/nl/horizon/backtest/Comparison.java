package nl.horizon.backtest;

/**
 * A method under test (Horizon's detector, the forecast) against another method at the same alert volume:
 * whichever raised more alerts in the window is thinned, by its own strength, to the other's volume, so
 * neither wins by raising more.
 *
 * @param labels             the label set
 * @param lead               the lead window's name
 * @param method             the method under test
 * @param baseline           the method it is compared with
 * @param volume             alerts each method keeps in the window
 * @param thinned            which method was thinned (the method's name, the baseline's, or "neither")
 * @param candidate          the method's scorecard at that volume
 * @param other              the baseline's scorecard at that volume
 * @param f1Difference       the method's F1 minus the baseline's
 * @param differenceInterval 90% interval of that difference from resampling countries
 */
public record Comparison(String labels, String lead, String method, String baseline, int volume, String thinned,
                         Scorecard candidate, Scorecard other, double f1Difference, Interval differenceInterval) {
}

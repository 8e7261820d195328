package nl.horizon.backtest;

/**
 * Horizon against one baseline at the same alert volume: whichever raised more alerts in the window is
 * thinned, by its own strength, to the other's volume, so neither wins by raising more.
 *
 * @param labels            the label set
 * @param lead              the lead window's name
 * @param baseline          the baseline
 * @param volume            alerts each method keeps in the window
 * @param thinned           which method was thinned ("horizon", the baseline's name, or "neither")
 * @param horizon           Horizon's scorecard at that volume
 * @param other             the baseline's scorecard at that volume
 * @param f1Difference      Horizon's F1 minus the baseline's
 * @param differenceInterval 90% interval of that difference from resampling countries
 */
public record Comparison(String labels, String lead, String baseline, int volume, String thinned, Scorecard horizon,
                         Scorecard other, double f1Difference, Interval differenceInterval) {
}

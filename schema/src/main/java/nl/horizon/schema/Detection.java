package nl.horizon.schema;

/**
 * What a detector computed, so that a signal states why it fired.
 *
 * @param detector  detector name, e.g. {@code negative-binomial-tail}
 * @param version   detector version; changes whenever its output for the same input may change
 * @param indicator the indicator the statistic is about
 * @param observed  the indicator's total over the recent window
 * @param baseline  the total expected for that window from the history before it
 * @param statistic the surprise: −log10 of the probability of a total at least this high
 * @param threshold the composite score of the level the signal is about
 */
public record Detection(String detector, String version, String indicator, double observed, double baseline,
                        double statistic, double threshold) {
}

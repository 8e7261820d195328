package nl.horizon.schema;

/**
 * What a detector computed, so that a signal states why it fired.
 *
 * @param detector  detector name, e.g. {@code negative-binomial-tail}
 * @param version   detector version; changes whenever its output for the same input may change
 * @param indicator the indicator the statistic is about
 * @param statistic the surprise statistic
 * @param baseline  the expected value it was compared with
 * @param threshold the threshold it crossed (or fell below)
 */
public record Detection(String detector, String version, String indicator, double statistic, double baseline,
                        double threshold) {
}

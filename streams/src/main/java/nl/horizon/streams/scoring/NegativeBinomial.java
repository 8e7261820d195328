package nl.horizon.streams.scoring;

import org.apache.commons.numbers.gamma.RegularizedBeta;

/**
 * Upper-tail probabilities of the negative binomial distribution, for "how surprising is this count
 * against what was expected". Parameterised by mean {@code m} and size {@code r} (variance
 * {@code m + m²/r}): counts of violence are overdispersed, and a fixed size makes a rise judged
 * against its own scale, so a chronic war at a steady high level is not surprising while a first
 * clash after calm is.
 *
 * <p>The tail is the regularized incomplete beta function, P(X ≥ k) = I<sub>q</sub>(k, r) with
 * q = m / (m + r) (Apache Commons Numbers, a port of Boost's), so a count in the thousands against a
 * baseline in the hundreds costs a few dozen iterations rather than a sum over the tail's whole width
 * (a re-score evaluates it for every indicator of every day it touches), and tails far below 1e-15 keep
 * their precision.
 */
public final class NegativeBinomial {

    /** Surprise is capped here (a tail of 1e-30); nothing is more certain than that. */
    public static final double MAX_SURPRISE = 30;

    private NegativeBinomial() {
    }

    /** P(X ≥ observed) for X ~ NB(mean, size). */
    public static double upperTail(long observed, double mean, double size) {
        if (observed <= 0) {
            return 1;
        }
        return Math.min(1, RegularizedBeta.value(mean / (mean + size), observed, size));
    }

    /** −log10 of the upper tail, from 0 (not surprising) up to {@link #MAX_SURPRISE}. */
    public static double surprise(long observed, double mean, double size) {
        double tail = upperTail(observed, mean, size);
        return tail <= 0 ? MAX_SURPRISE : Math.min(MAX_SURPRISE, -Math.log10(tail));
    }
}

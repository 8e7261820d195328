package nl.horizon.streams.scoring;

/**
 * Upper-tail probabilities of the negative binomial distribution, for "how surprising is this count
 * against what was expected". Parameterised by mean {@code m} and size {@code r} (variance
 * {@code m + m²/r}): counts of violence are overdispersed, and a fixed size makes a rise judged
 * against its own scale, so a chronic war at a steady high level is not surprising while a first
 * clash after calm is.
 *
 * <p>The tail is summed upward from the observed count in log space, its first term computed directly
 * with log-gamma, so tails far below 1e-15 keep their precision and a count in the thousands costs no
 * more than the tail's own width.
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
        double p = size / (size + mean);
        double logQ = Math.log1p(-p);
        double logPmf = logGamma(observed + size) - logGamma(size) - logGamma(observed + 1.0)
                + size * Math.log(p) + observed * logQ;
        double first = logPmf;
        double sum = 0;
        for (long k = observed; ; k++) {
            double term = Math.exp(logPmf - first);
            sum += term;
            if (term < 1e-15 * sum && k > observed + size * (1 - p) / p) {
                break;
            }
            logPmf += Math.log((k + size) / (k + 1)) + logQ;
            if (k - observed > 10_000_000) {
                break;
            }
        }
        return Math.min(1, Math.exp(first + Math.log(sum)));
    }

    /**
     * ln Γ(x) for x > 0: the argument is shifted up to at least 15 by Γ(x+1) = xΓ(x), then Stirling's
     * series is summed to its x⁻⁷ term (error below 1e-14 there).
     */
    static double logGamma(double x) {
        double shift = 0;
        while (x < 15) {
            shift -= Math.log(x);
            x += 1;
        }
        double inv = 1 / x;
        double inv2 = inv * inv;
        return shift + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI)
                + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680)));
    }

    /** −log10 of the upper tail, from 0 (not surprising) up to {@link #MAX_SURPRISE}. */
    public static double surprise(long observed, double mean, double size) {
        double tail = upperTail(observed, mean, size);
        return tail <= 0 ? MAX_SURPRISE : Math.min(MAX_SURPRISE, -Math.log10(tail));
    }
}

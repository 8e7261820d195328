package nl.horizon.streams.scoring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NegativeBinomialTest {

    @Test
    void tailsMatchSumsOfTheMassFunction() {
        // size 1 is the geometric distribution: P(X >= k) = (1-p)^k with p = 1/(1+mean)
        double mean = 4;
        double q = mean / (1 + mean);
        for (int k : new int[] {1, 3, 10, 40}) {
            assertThat(NegativeBinomial.upperTail(k, mean, 1)).isCloseTo(Math.pow(q, k), within(1e-12));
        }
        assertThat(NegativeBinomial.upperTail(0, mean, 1)).isEqualTo(1);
    }

    @Test
    void tinyTailsKeepTheirPrecision() {
        double q = 0.5 / 1.5;
        assertThat(NegativeBinomial.surprise(60, 0.5, 1)).isCloseTo(-60 * Math.log10(q), within(1e-6));
    }

    @Test
    void aRiseFromCalmIsSurprisingAndTheSameRiseInAChronicWarIsNot() {
        double onset = NegativeBinomial.surprise(144, 2, 1.5);
        double chronic = NegativeBinomial.surprise(800, 500, 1.5);
        assertThat(onset).isGreaterThan(6);
        assertThat(chronic).isLessThan(1);
        assertThat(NegativeBinomial.surprise(2, 2, 1.5)).isLessThan(0.5);
    }

    @Test
    void aFractionalSizeMatchesTheMassFunctionSummedByHand() {
        double mean = 3;
        double size = 1.5;
        double p = size / (size + mean);
        double pmf = Math.pow(p, size);
        double below = 0;
        for (int k = 0; k < 25; k++) {
            assertThat(NegativeBinomial.upperTail(k, mean, size)).as("P(X >= %d)", k).isCloseTo(1 - below,
                    within(1e-12));
            below += pmf;
            pmf *= (k + size) / (k + 1) * (1 - p);
        }
    }

    @Test
    void surpriseRisesWithTheCount() {
        double previous = 0;
        for (int k = 1; k < 200; k += 7) {
            double s = NegativeBinomial.surprise(k, 5, 1.5);
            assertThat(s).isGreaterThanOrEqualTo(previous);
            previous = s;
        }
    }
}

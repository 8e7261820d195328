package nl.horizon.streams.forecast;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** The fitter recovers known coefficients of a synthetic problem, and gives the same bits twice. */
class LogisticRegressionTest {

    static final double[] TRUE = {-2.0, 1.0, -0.5, 0.8};

    static double[][] x;
    static int[] y;

    static {
        SplittableRandom random = new SplittableRandom(17);
        int n = 40_000;
        x = new double[n][3];
        y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                // a Gaussian from two uniforms (Box-Muller), so the test needs nothing else
                x[i][j] = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            }
            y[i] = random.nextDouble() < LogisticRegression.probability(TRUE, x[i]) ? 1 : 0;
        }
    }

    @Test
    void recoversTheCoefficientsOfASyntheticProblem() {
        double[] beta = LogisticRegression.fit(x, y, 0);
        for (int j = 0; j < TRUE.length; j++) {
            assertThat(beta[j]).as("coefficient %d", j).isCloseTo(TRUE[j], offset(0.06));
        }
    }

    @Test
    void thePenaltyShrinksTheSlopesButNotTheIntercept() {
        double[] free = LogisticRegression.fit(x, y, 0);
        double[] shrunk = LogisticRegression.fit(x, y, 20_000);
        for (int j = 1; j < TRUE.length; j++) {
            assertThat(Math.abs(shrunk[j])).isLessThan(Math.abs(free[j]) * 0.6);
        }
        // with the slopes shrunk the intercept still matches the base rate
        double rate = java.util.Arrays.stream(y).average().orElseThrow();
        assertThat(1 / (1 + Math.exp(-shrunk[0]))).isCloseTo(rate, offset(0.03));
    }

    @Test
    void isDeterministic() {
        assertThat(LogisticRegression.fit(x, y, 1.0)).containsExactly(LogisticRegression.fit(x, y, 1.0));
    }
}

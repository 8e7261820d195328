package nl.horizon.backtest;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A refit gives the same trees and probabilities, and fewer rounds read back are a shorter fit. */
class BoostedTreesTest {

    private static final int ROWS = 2_000;

    @Test
    void aRefitGivesTheSameTreesAndProbabilities() {
        double[][] x = rows(17);
        int[] y = outcomes(x, 18);
        BoostedTrees settings = new BoostedTrees(3, 0.1, 1, 60);

        BoostedTrees.Fit first = settings.fit(x, y);
        BoostedTrees.Fit second = settings.fit(x, y);

        assertThat(second.bytes()).isEqualTo(first.bytes());
        assertThat(second.probabilities(x, 60)).isEqualTo(first.probabilities(x, 60));
    }

    @Test
    void readingFewerRoundsIsTheShorterFitAndTheTreesLearnTheOutcome() {
        double[][] x = rows(19);
        int[] y = outcomes(x, 20);
        double[] short20 = new BoostedTrees(2, 0.1, 1, 20).fit(x, y).probabilities(x, 20);
        double[] fromLong = new BoostedTrees(2, 0.1, 1, 60).fit(x, y).probabilities(x, 20);
        assertThat(fromLong).isEqualTo(short20);

        // the outcome is likelier where the first feature is high: the fit says so
        double[] p = new BoostedTrees(2, 0.1, 1, 60).fit(x, y).probabilities(new double[][]{{2, 0}, {-2, 0},
                {Double.NaN, 0}}, 60);
        assertThat(p[0]).isGreaterThan(p[1]);
        assertThat(p[2]).isBetween(0.0, 1.0);
    }

    @Test
    void aFitNeedsOneOutcomePerRow() {
        assertThatThrownBy(() -> new BoostedTrees(2, 0.1, 1, 5).fit(new double[][]{{1, 2}}, new int[0]))
                .hasMessageContaining("one outcome per row");
    }

    private static double[][] rows(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[ROWS][2];
        for (double[] row : x) {
            row[0] = random.nextGaussian();
            row[1] = random.nextDouble() < 0.1 ? Double.NaN : random.nextGaussian();
        }
        return x;
    }

    private static int[] outcomes(double[][] x, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-(2 * x[i][0] - 1))) ? 1 : 0;
        }
        return y;
    }
}

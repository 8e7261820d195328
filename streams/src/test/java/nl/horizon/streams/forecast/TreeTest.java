package nl.horizon.streams.forecast;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A tree by hand: XGBoost's branch rules, its line in the model file, and Shapley contributions worked out
 * on paper. (Against XGBoost itself on the real history: the back-test's {@code ForecastTreesTest}.)
 */
class TreeTest {

    /** calm year below 0.5 (missing: no) → log deaths below 1 (missing: yes) → 0.1 or -0.2; else 0.3. */
    private static final String LINE = "conflict.calm_year<0.5,no,100.0 conflict.log_deaths_12m<1.0,yes,60.0 "
            + "=0.1,40.0 =-0.2,20.0 =0.3,40.0";

    private static double[] row(double calm, double deaths) {
        double[] x = new double[ForecastFeatures.NAMES.size()];
        x[0] = calm;
        x[1] = deaths;
        return x;
    }

    @Test
    void aValueBelowTheThresholdGoesYesAndAMissingOneTheFitsWay() {
        Tree tree = Tree.parse(LINE);
        assertThat(tree.value(row(0.2, 0.5))).isEqualTo(0.1f);
        assertThat(tree.value(row(0.2, 2.0))).isEqualTo(-0.2f);
        assertThat(tree.value(row(0.5, 0.5))).as("at the threshold: not below").isEqualTo(0.3f);
        assertThat(tree.value(row(Double.NaN, 0.5))).isEqualTo(0.3f);
        assertThat(tree.value(row(0.2, Double.NaN))).isEqualTo(0.1f);
        assertThat(tree.line()).isEqualTo(LINE);
    }

    @Test
    void theContributionsAreTheShapleyValuesAndAddUpToTheValueLessTheExpectation() {
        Tree tree = Tree.parse(LINE);
        // expected: 0.6 × (40 × 0.1 − 20 × 0.2) / 60 + 0.4 × 0.3 = 0.12
        assertThat(tree.expected()).isCloseTo(0.12, within(1e-6));
        // x = (0.2, 2.0): v() = 0.12, v(calm) = 0, v(deaths) = 0.6 × −0.2 + 0.4 × 0.3 = 0, v(both) = −0.2;
        // each feature gets ½ (−0.12) + ½ (−0.2) = −0.16
        double[] parts = new double[ForecastFeatures.NAMES.size()];
        tree.contributions(row(0.2, 2.0), parts);
        assertThat(parts[0]).isCloseTo(-0.16, within(1e-6));
        assertThat(parts[1]).isCloseTo(-0.16, within(1e-6));
        assertThat(parts[0] + parts[1]).isCloseTo(tree.value(row(0.2, 2.0)) - tree.expected(), within(1e-6));
        // a feature the path does not reach still gets a share (TreeSHAP, not the path's own splits):
        // x = (0.9, 2.0): v(calm) = 0.3, v(deaths) = 0, v(both) = 0.3; calm ½ (0.18 + 0.3), deaths ½ (−0.12 + 0)
        double[] calm = new double[ForecastFeatures.NAMES.size()];
        tree.contributions(row(0.9, 2.0), calm);
        assertThat(calm[0]).isCloseTo(0.24, within(1e-6));
        assertThat(calm[1]).isCloseTo(-0.06, within(1e-6));
    }
}

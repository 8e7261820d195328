package nl.horizon.streams.forecast;

/**
 * L2-penalised logistic regression fitted by iteratively reweighted least squares (Newton's method on the
 * penalised log-likelihood). Written out rather than taken from a library: it is forty lines, exact and
 * deterministic (the same rows give the same coefficients bit for bit, so a committed coefficient file can
 * be reproduced), and it needs nothing the project does not already have.
 * <p>
 * The penalty {@code lambda · Σ βj² / 2} shrinks every coefficient but the intercept; it keeps the fit
 * finite when a feature separates the few positive rows (onsets are rare) and is chosen on a validation
 * split. Features should be standardised so that one penalty suits them all.
 */
public final class LogisticRegression {

    static final int MAX_ITERATIONS = 100;
    static final double TOLERANCE = 1e-9;

    private LogisticRegression() {
    }

    /**
     * The coefficients, intercept first, of {@code P(y = 1 | x) = 1 / (1 + exp(-(β0 + Σ βj xj)))}.
     *
     * @param x      rows of features (no intercept column)
     * @param y      0 or 1 per row
     * @param lambda the L2 penalty (0 for none)
     */
    public static double[] fit(double[][] x, int[] y, double lambda) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("a fit needs rows and as many outcomes: " + x.length + " rows, "
                    + y.length + " outcomes");
        }
        int k = x[0].length + 1;
        double[] beta = new double[k];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[][] hessian = new double[k][k];
            double[] gradient = new double[k];
            double[] row = new double[k];
            for (int i = 0; i < x.length; i++) {
                row[0] = 1;
                System.arraycopy(x[i], 0, row, 1, k - 1);
                double p = probability(beta, x[i]);
                double w = Math.max(p * (1 - p), 1e-12);
                for (int a = 0; a < k; a++) {
                    gradient[a] += (y[i] - p) * row[a];
                    for (int b = 0; b <= a; b++) {
                        hessian[a][b] += w * row[a] * row[b];
                    }
                }
            }
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < a; b++) {
                    hessian[b][a] = hessian[a][b];
                }
                if (a > 0) {
                    hessian[a][a] += lambda;
                    gradient[a] -= lambda * beta[a];
                }
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int a = 0; a < k; a++) {
                beta[a] += step[a];
                largest = Math.max(largest, Math.abs(step[a]));
            }
            if (largest < TOLERANCE) {
                break;
            }
        }
        return beta;
    }

    /** {@code P(y = 1)} for features {@code x} under coefficients {@code beta} (intercept first). */
    public static double probability(double[] beta, double[] x) {
        double z = beta[0];
        for (int j = 0; j < x.length; j++) {
            z += beta[j + 1] * x[j];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Solves {@code a · s = b} for a symmetric positive-definite {@code a} (Cholesky). */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int m = 0; m < j; m++) {
                    sum -= l[i][m] * l[j][m];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j][j];
            }
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int m = 0; m < i; m++) {
                sum -= l[i][m] * z[m];
            }
            z[i] = sum / l[i][i];
        }
        double[] s = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = z[i];
            for (int m = i + 1; m < n; m++) {
                sum -= l[m][i] * s[m];
            }
            s[i] = sum / l[i][i];
        }
        return s;
    }
}

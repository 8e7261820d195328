package nl.horizon.backtest;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gradient-boosted trees for a yes/no outcome (XGBoost), the fourth round's candidate model family
 * beside forecast-1's logistic regression (docs/backtest.md, "Fourth round"). A fit must be repeatable,
 * since settings are judged by refitting per validation fold: one thread, a fixed seed, the histogram
 * method and no row or column sampling make a refit give the same trees.
 *
 * @param maxDepth       deepest tree
 * @param eta            learning rate
 * @param minChildWeight least hessian in a leaf (about the rows a leaf holds, at small probabilities)
 * @param rounds         trees fitted; fewer may be read back ({@link Fit#probabilities})
 */
public record BoostedTrees(int maxDepth, double eta, double minChildWeight, int rounds) {

    /** A fitted ensemble. */
    public static final class Fit {
        private final Booster booster;
        private final int columns;

        private Fit(Booster booster, int columns) {
            this.booster = booster;
            this.columns = columns;
        }

        /** The probability of each row, from the first {@code rounds} trees. */
        public double[] probabilities(double[][] x, int rounds) {
            try {
                DMatrix matrix = matrix(x, columns);
                try {
                    float[][] p = booster.predict(matrix, false, rounds);
                    double[] out = new double[p.length];
                    for (int i = 0; i < p.length; i++) {
                        out[i] = p[i][0];
                    }
                    return out;
                } finally {
                    matrix.dispose();
                }
            } catch (XGBoostError e) {
                throw new IllegalStateException("XGBoost could not predict: " + e.getMessage(), e);
            }
        }

        /** The model as XGBoost writes it (UBJSON): equal bytes, equal trees. */
        public byte[] bytes() {
            try {
                return booster.toByteArray("ubj");
            } catch (XGBoostError e) {
                throw new IllegalStateException("XGBoost could not write the model: " + e.getMessage(), e);
            }
        }
    }

    /** Fits on rows {@code x} (NaN is missing) with outcomes {@code y} (0 or 1). */
    public Fit fit(double[][] x, int[] y) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("a fit needs rows and one outcome per row: " + x.length + " rows, "
                    + y.length + " outcomes");
        }
        int columns = x[0].length;
        try {
            DMatrix train = matrix(x, columns);
            try {
                float[] labels = new float[y.length];
                for (int i = 0; i < y.length; i++) {
                    labels[i] = y[i];
                }
                train.setLabel(labels);
                return new Fit(XGBoost.train(train, parameters(), rounds, Map.of(), null, null), columns);
            } finally {
                train.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not fit: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("objective", "binary:logistic");
        p.put("tree_method", "hist");
        p.put("nthread", 1);
        p.put("seed", 17);
        p.put("subsample", 1.0);
        p.put("colsample_bytree", 1.0);
        p.put("max_depth", maxDepth);
        p.put("eta", eta);
        p.put("min_child_weight", minChildWeight);
        p.put("verbosity", 0);
        return p;
    }

    private static DMatrix matrix(double[][] x, int columns) throws XGBoostError {
        float[] data = new float[x.length * columns];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < columns; j++) {
                data[i * columns + j] = (float) x[i][j];
            }
        }
        return new DMatrix(data, x.length, columns, Float.NaN);
    }
}

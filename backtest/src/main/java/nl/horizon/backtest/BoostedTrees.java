package nl.horizon.backtest;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.horizon.streams.forecast.ForecastModel;
import nl.horizon.streams.forecast.Tree;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradient-boosted trees for a yes/no outcome, fitted by XGBoost: the family of forecast-2 (docs/backtest.md,
 * "Fourth round"). A fit must be repeatable, since settings are judged by refitting per validation fold and
 * the committed trees by a refit: one thread, a fixed seed, the histogram method and no row or column
 * sampling make a refit give the same trees. XGBoost only fits; a fit is scored by its trees read into
 * {@link Tree} ({@link Fit#horizon}), the code the streams application runs.
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

        /**
         * The fitted trees as the model file holds them, read from XGBoost's JSON model: each tree's nodes
         * (a leaf's weight is its {@code split_conditions} entry; the cover is {@code sum_hessian}) and the
         * base score as a log-odds margin.
         */
        public ForecastModel.Horizon horizon(int months) {
            Model model;
            try {
                model = JSON.readValue(booster.toByteArray("json"), Model.class);
            } catch (XGBoostError | IOException e) {
                throw new IllegalStateException("XGBoost's model could not be read: " + e.getMessage(), e);
            }
            float base = Float.parseFloat(model.learner().parameters().baseScore().replace("[", "").replace("]", ""));
            List<Tree> trees = new ArrayList<>();
            for (JsonTree t : model.learner().booster().model().trees()) {
                trees.add(new Tree(t.node(0)));
            }
            return new ForecastModel.Horizon(months, (float) Math.log(base / (1 - base)), trees);
        }

        /** XGBoost's exact TreeSHAP contributions of each row: one column per feature, the bias last. */
        public float[][] contributions(double[][] x) {
            try {
                DMatrix matrix = matrix(x, columns);
                try {
                    return booster.predictContrib(matrix, 0);
                } finally {
                    matrix.dispose();
                }
            } catch (XGBoostError e) {
                throw new IllegalStateException("XGBoost could not explain: " + e.getMessage(), e);
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

    /** The setting as written in the model file. */
    public ForecastModel.Setting setting() {
        return new ForecastModel.Setting(maxDepth, eta, minChildWeight, rounds);
    }

    /** Fits on rows {@code x} (NaN is missing) with outcomes {@code y} (0 or 1). */
    public Fit fit(double[][] x, int[] y) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("a fit needs rows and one outcome per row: " + x.length + " rows, "
                    + y.length + " outcomes");
        }
        for (int outcome : y) {
            if (outcome != 0 && outcome != 1) {
                throw new IllegalArgumentException("an outcome is 0 or 1, not " + outcome);
            }
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

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The parts of XGBoost's JSON model that hold the trees and the base score. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Model(Learner learner) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Learner(@JsonProperty("learner_model_param") Parameters parameters,
                           @JsonProperty("gradient_booster") GradientBooster booster) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Parameters(@JsonProperty("base_score") String baseScore) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record GradientBooster(Trees model) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Trees(List<JsonTree> trees) {
    }

    /** A tree in XGBoost's layout: one array entry per node; a leaf has no children (-1). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record JsonTree(@JsonProperty("left_children") int[] left, @JsonProperty("right_children") int[] right,
                            @JsonProperty("split_indices") int[] feature,
                            @JsonProperty("split_conditions") float[] condition,
                            @JsonProperty("default_left") boolean[] defaultLeft,
                            @JsonProperty("sum_hessian") float[] cover) {

        Tree.Node node(int i) {
            if (left[i] < 0) {
                return new Tree.Leaf(condition[i], cover[i]);
            }
            return new Tree.Split(feature[i], condition[i], defaultLeft[i], cover[i], node(left[i]), node(right[i]));
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

    /** The rows as XGBoost's matrix; a row of another width than the model's features is refused, not cut. */
    private static DMatrix matrix(double[][] x, int columns) throws XGBoostError {
        float[] data = new float[x.length * columns];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != columns) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " features, the model "
                        + columns);
            }
            for (int j = 0; j < columns; j++) {
                data[i * columns + j] = (float) x[i][j];
            }
        }
        return new DMatrix(data, x.length, columns, Float.NaN);
    }
}

package nl.horizon.streams.forecast;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * One regression tree of the boosted forecast, read and evaluated in plain Java so that neither the
 * streams application nor the back-test needs XGBoost's native library to score (it needs {@code libgomp},
 * which the minbase image lacks); {@code ForecastTreesTest} checks it against XGBoost's own predictions.
 * It follows XGBoost's rules exactly: a value goes to the {@code yes} branch when {@code (float) x <
 * threshold}, a missing value (NaN) the way the fit sent missing values, and a tree's value is a leaf's
 * weight (the learning rate already in it), in float as XGBoost keeps it.
 * <p>
 * Written in {@code config/forecast.yaml} as one line per tree, the nodes in pre-order (a split, its
 * {@code yes} subtree, its {@code no} subtree), separated by spaces: a split is
 * {@code FEATURE<THRESHOLD,MISSING,COVER} (MISSING is {@code yes} or {@code no}: the branch a missing value
 * takes), a leaf {@code =WEIGHT,COVER}. The cover is the fit's hessian sum in the node (about its rows at
 * small probabilities): the explanation weighs unknown branches by it.
 *
 * @param root the first node
 */
public record Tree(Node root) {

    /** A node of a tree. */
    public sealed interface Node permits Split, Leaf {
        float cover();
    }

    /**
     * @param feature   index in {@link ForecastFeatures#NAMES}
     * @param threshold a value below it goes to {@code yes}
     * @param missingYes whether a missing value goes to {@code yes}
     */
    public record Split(int feature, float threshold, boolean missingYes, float cover, Node yes, Node no)
            implements Node {

        Node next(double value) {
            if (Double.isNaN(value)) {
                return missingYes ? yes : no;
            }
            return (float) value < threshold ? yes : no;
        }
    }

    /** @param weight what the tree adds to the log-odds of a row that ends here */
    public record Leaf(float weight, float cover) implements Node {
    }

    /** The leaf weight of a row of features (in {@link ForecastFeatures#NAMES} order). */
    public float value(double[] x) {
        Node node = root;
        while (node instanceof Split s) {
            node = s.next(x[s.feature()]);
        }
        return ((Leaf) node).weight();
    }

    /** The tree's expected value when no feature is known: its leaves weighted by their cover. */
    public double expected() {
        return expected(root, new double[0], 0);
    }

    /**
     * Adds each feature's exact Shapley contribution to this tree's value to {@code parts} (TreeSHAP's
     * path-dependent game: a known feature follows its branch, an unknown one averages the branches by
     * cover). Computed by brute force over the subsets of the tree's own features, at most three for a
     * depth-2 tree: the contributions add up to {@code value(x) - expected()}.
     */
    public void contributions(double[] x, double[] parts) {
        List<Integer> used = new ArrayList<>();
        features(root, used);
        int n = used.size();
        double[] worth = new double[1 << n];
        for (int subset = 0; subset < worth.length; subset++) {
            worth[subset] = expected(root, x, known(used, subset));
        }
        double[] factorial = {1, 1, 2, 6, 24, 120, 720, 5040, 40320};
        if (n >= factorial.length) {
            throw new IllegalStateException("a tree on " + n + " features is too deep to explain by brute force");
        }
        for (int i = 0; i < n; i++) {
            double phi = 0;
            for (int subset = 0; subset < worth.length; subset++) {
                if ((subset & (1 << i)) != 0) {
                    continue;
                }
                int size = Integer.bitCount(subset);
                phi += factorial[size] * factorial[n - size - 1] / factorial[n]
                        * (worth[subset | (1 << i)] - worth[subset]);
            }
            parts[used.get(i)] += phi;
        }
    }

    /** A bit mask over all features with the bits of {@code subset} (over {@code used}) set. */
    private static long known(List<Integer> used, int subset) {
        long mask = 0;
        for (int i = 0; i < used.size(); i++) {
            if ((subset & (1 << i)) != 0) {
                mask |= 1L << used.get(i);
            }
        }
        return mask;
    }

    private static double expected(Node node, double[] x, long known) {
        if (node instanceof Split s) {
            if ((known & (1L << s.feature())) != 0) {
                return expected(s.next(x[s.feature()]), x, known);
            }
            return (s.yes().cover() * expected(s.yes(), x, known) + s.no().cover() * expected(s.no(), x, known))
                    / (s.yes().cover() + s.no().cover());
        }
        return ((Leaf) node).weight();
    }

    private static void features(Node node, List<Integer> used) {
        if (node instanceof Split s) {
            if (!used.contains(s.feature())) {
                used.add(s.feature());
            }
            features(s.yes(), used);
            features(s.no(), used);
        }
    }

    /** The tree as one line (the class comment's format). */
    @JsonValue
    public String line() {
        StringBuilder line = new StringBuilder();
        write(root, line);
        return line.toString();
    }

    private static void write(Node node, StringBuilder line) {
        if (!line.isEmpty()) {
            line.append(' ');
        }
        switch (node) {
            case Split s -> {
                line.append(ForecastFeatures.NAMES.get(s.feature())).append('<').append(s.threshold()).append(',')
                        .append(s.missingYes() ? "yes" : "no").append(',').append(s.cover());
                write(s.yes(), line);
                write(s.no(), line);
            }
            case Leaf l -> line.append('=').append(l.weight()).append(',').append(l.cover());
        }
    }

    /** Reads a tree from its line; an unknown feature or a malformed node is refused with the line. */
    @JsonCreator
    public static Tree parse(String line) {
        String[] tokens = line.trim().split(" +");
        int[] at = {0};
        try {
            Node root = read(tokens, at);
            if (at[0] != tokens.length) {
                throw new IllegalArgumentException("nodes left over after the tree");
            }
            return new Tree(root);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a tree (" + e.getMessage() + "): " + line, e);
        }
    }

    private static Node read(String[] tokens, int[] at) {
        if (at[0] >= tokens.length) {
            throw new IllegalArgumentException("a split lacks a branch");
        }
        String token = tokens[at[0]++];
        if (token.startsWith("=")) {
            String[] parts = token.substring(1).split(",");
            return new Leaf(Float.parseFloat(parts[0]), Float.parseFloat(parts[1]));
        }
        int less = token.indexOf('<');
        String[] parts = token.substring(less + 1).split(",");
        int feature = ForecastFeatures.NAMES.indexOf(token.substring(0, Math.max(less, 0)));
        if (less < 0 || feature < 0 || parts.length != 3 || !List.of("yes", "no").contains(parts[1])) {
            throw new IllegalArgumentException("unknown feature or malformed split '" + token + "'");
        }
        Node yes = read(tokens, at);
        Node no = read(tokens, at);
        return new Split(feature, Float.parseFloat(parts[0]), parts[1].equals("yes"), Float.parseFloat(parts[2]),
                yes, no);
    }
}

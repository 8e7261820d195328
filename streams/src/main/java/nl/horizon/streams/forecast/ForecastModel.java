package nl.horizon.streams.forecast;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A fitted onset forecast, as committed in {@code config/forecast.yaml}: gradient-boosted trees per horizon
 * on standardised {@link ForecastFeatures}, fitted by XGBoost in the back-test module and scored here in
 * plain Java ({@link Tree}); the window it was fitted on, how its settings were chosen, and the rule that
 * turns a probability into a warning. The version is named in every warning the model causes, so a
 * warning can be traced to the trees behind it; a refit gets a new version.
 *
 * @param version    names this fit in every warning
 * @param family     the model family and the library that fitted it
 * @param setting    the trees' setting (chosen on validation, docs/backtest.md "Fourth round")
 * @param fit        the months the trees were fitted on
 * @param validation how the warning rule was chosen, inside the fit window
 * @param alert      when a probability becomes a warning
 * @param features   each feature's training mean and scale (a missing value is taken as the mean)
 * @param horizons   the trees per horizon
 */
public record ForecastModel(String version, String family, Setting setting, FitWindow fit, Validation validation,
                            AlertRule alert, List<Feature> features, List<Horizon> horizons) {

    /**
     * @param maxDepth       deepest tree
     * @param eta            learning rate
     * @param minChildWeight least hessian in a leaf
     * @param rounds         trees per horizon
     */
    public record Setting(int maxDepth, double eta, double minChildWeight, int rounds) {
    }

    /**
     * @param from          first month a forecast was issued after
     * @param to            last month an outcome was counted in (no later month is read)
     * @param rows          country-months fitted per horizon (the longest horizon's)
     * @param outcomes      of those, rows with an onset or escalation ahead (the longest horizon's)
     */
    public record FitWindow(YearMonth from, YearMonth to, int rows, int outcomes) {
    }

    /**
     * How the settings were chosen: on validation folds in time order (rolling origin), each scored with a
     * fit that ends before it, pooled over the folds.
     *
     * @param folds    the folds, earliest first
     * @param choices  what was tried: settings and warning rules
     * @param logLoss  the setting's log loss, mean per horizon over the folds' forecasts, summed over horizons
     * @param f1       the chosen rule's F1 one to six months ahead, pooled over the folds
     */
    public record Validation(List<Fold> folds, String choices, double logLoss, double f1) {

        public Validation {
            folds = List.copyOf(folds);
        }
    }

    /**
     * @param fitTo the fit for this fold counted outcomes up to this month
     * @param from  first month a forecast of this fold was issued in
     * @param to    last month of the fold
     */
    public record Fold(YearMonth fitTo, YearMonth from, YearMonth to) {
    }

    /**
     * @param horizonMonths  which horizon's probability is judged
     * @param threshold      the least probability that warns
     * @param cooldownMonths no second warning for a country within this many months of its last (0: every month)
     */
    public record AlertRule(int horizonMonths, double threshold, int cooldownMonths) {

        /**
         * The months that warn, of one country's probabilities on this rule's horizon: those whose
         * probability is at least {@link #threshold}, unless the country was warned within the
         * {@link #cooldownMonths} months before. The back-test's warnings and the pipeline's signals.
         */
        public SortedSet<YearMonth> warnings(SortedMap<YearMonth, Double> probabilities) {
            SortedSet<YearMonth> warned = new TreeSet<>();
            YearMonth last = null;
            for (Map.Entry<YearMonth, Double> e : probabilities.entrySet()) {
                boolean cooling = last != null && !e.getKey().isAfter(last.plusMonths(cooldownMonths));
                if (e.getValue() >= threshold && !cooling) {
                    warned.add(e.getKey());
                    last = e.getKey();
                }
            }
            return warned;
        }
    }

    /** @param name as in {@link ForecastFeatures#NAMES} */
    public record Feature(String name, double mean, double scale) {
    }

    /**
     * @param months onset or escalation within this many months after the month of issue
     * @param bias   the log-odds every row starts from (XGBoost's base score as a margin)
     * @param trees  what each tree adds to the log-odds, in the order fitted
     */
    public record Horizon(int months, float bias, List<Tree> trees) {

        public Horizon {
            trees = List.copyOf(trees);
        }

        /** The log-odds of a row of standardised features, summed in float as XGBoost sums it. */
        public float margin(double[] z) {
            float sum = 0;
            for (Tree t : trees) {
                sum += t.value(z);
            }
            return sum + bias;
        }

        /** The log-odds of an average row: the bias and every tree's cover-weighted mean. */
        public double expected() {
            double sum = bias;
            for (Tree t : trees) {
                sum += t.expected();
            }
            return sum;
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES))
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static final String HEADER = """
            # Horizon's onset forecast: fitted trees. Written by `horizon forecast-fit`; do not edit by hand
            # (refit, and give the fit a new version). Features and the fit: docs/backtest.md, "The forecast".
            """;

    public ForecastModel {
        features = List.copyOf(features);
        horizons = List.copyOf(horizons);
        List<String> names = features.stream().map(Feature::name).toList();
        if (!names.equals(ForecastFeatures.NAMES)) {
            throw new IllegalArgumentException("forecast " + version + " was fitted on features " + names
                    + ", not this version's " + ForecastFeatures.NAMES + ": refit it");
        }
        if (horizons.stream().noneMatch(h -> h.months() == alert.horizonMonths())) {
            throw new IllegalArgumentException("forecast " + version + " warns on a " + alert.horizonMonths()
                    + "-month horizon it has no model for");
        }
    }

    public static ForecastModel read(Path file) throws IOException {
        try {
            return YAML.readValue(file.toFile(), ForecastModel.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, HEADER + YAML.writeValueAsString(this), StandardCharsets.UTF_8);
    }

    /** The features standardised by the training means and scales; a missing value becomes 0 (the mean). */
    public double[] standardise(double[] x) {
        return standardise(features, x);
    }

    /** {@code x} standardised by {@code features}' means and scales; a missing value becomes 0 (the mean). */
    public static double[] standardise(List<Feature> features, double[] x) {
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            Feature f = features.get(j);
            z[j] = Double.isNaN(x[j]) ? 0 : (x[j] - f.mean()) / f.scale();
        }
        return z;
    }

    /** The probability of an onset or escalation within {@code months} months after the month of issue. */
    public double probability(double[] x, int months) {
        return 1 / (1 + Math.exp(-horizon(months).margin(standardise(x))));
    }

    /**
     * What each feature adds to the log-odds of the {@code months}-month horizon, in feature order: its exact
     * Shapley value summed over the trees (TreeSHAP, {@link Tree#contributions}). With
     * {@link Horizon#expected} they add up to the log-odds, as forecast-1's coefficient × value did with its
     * intercept.
     */
    public double[] contributions(double[] x, int months) {
        double[] z = standardise(x);
        double[] parts = new double[z.length];
        for (Tree t : horizon(months).trees()) {
            t.contributions(z, parts);
        }
        return parts;
    }

    /** The model of a horizon. */
    public Horizon horizon(int months) {
        return horizons.stream().filter(m -> m.months() == months).findFirst().orElseThrow(
                () -> new IllegalArgumentException("forecast " + version + " has no " + months + "-month horizon"));
    }
}

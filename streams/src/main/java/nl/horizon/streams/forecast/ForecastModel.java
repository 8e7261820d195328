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
 * A fitted onset forecast, as committed in {@code config/forecast.yaml}: one logistic model per horizon on
 * standardised {@link ForecastFeatures}, the window it was fitted on, how its settings were chosen, and
 * the rule that turns a probability into a warning. The version is named in every warning the model
 * causes, so a warning can be traced to the coefficients behind it; a refit gets a new version.
 *
 * @param version    names this fit in every warning
 * @param fit        the months the coefficients were fitted on
 * @param validation how the penalty and the warning rule were chosen, inside the fit window
 * @param l2         the penalty of the fit (on standardised features)
 * @param alert      when a probability becomes a warning
 * @param features   each feature's training mean and scale (a missing value is taken as the mean)
 * @param horizons   the model per horizon
 */
public record ForecastModel(String version, FitWindow fit, Validation validation, double l2, AlertRule alert,
                            List<Feature> features, List<Horizon> horizons) {

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
     * @param choices  what was tried: penalties (pooled log loss) and warning rules
     * @param f1       the chosen rule's F1 one to six months ahead, pooled over the folds
     */
    public record Validation(List<Fold> folds, String choices, double f1) {

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
     * @param months       onset or escalation within this many months after the month of issue
     * @param intercept    on standardised features
     * @param coefficients per feature name, on standardised features
     */
    public record Horizon(int months, double intercept, Map<String, Double> coefficients) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static final String HEADER = """
            # Horizon's onset forecast: fitted coefficients. Written by `horizon forecast-fit`; do not edit by hand
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
        return LogisticRegression.probability(beta(months), standardise(x));
    }

    /**
     * What each feature adds to the log-odds of the {@code months}-month horizon: its coefficient times its
     * standardised value, in feature order. With the intercept they add up to the log-odds.
     */
    public double[] contributions(double[] x, int months) {
        double[] beta = beta(months);
        double[] z = standardise(x);
        double[] parts = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            parts[j] = beta[j + 1] * z[j];
        }
        return parts;
    }

    /** The coefficients of a horizon, intercept first, in feature order. */
    private double[] beta(int months) {
        Horizon h = horizons.stream().filter(m -> m.months() == months).findFirst().orElseThrow(
                () -> new IllegalArgumentException("forecast " + version + " has no " + months + "-month horizon"));
        double[] beta = new double[features.size() + 1];
        beta[0] = h.intercept();
        for (int j = 0; j < features.size(); j++) {
            beta[j + 1] = h.coefficients().getOrDefault(features.get(j).name(), 0.0);
        }
        return beta;
    }
}

package nl.horizon.streams.forecast;

import nl.horizon.schema.Classification;
import nl.horizon.schema.Detection;
import nl.horizon.schema.Forecast;
import nl.horizon.schema.Lifecycle;
import nl.horizon.schema.Revision;
import nl.horizon.schema.RiskLevel;
import nl.horizon.schema.Signal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Turns a country's features into the published forecast, and a forecast the warning rule picks into a
 * {@code warning}-level signal. The probabilities are the model's ({@link ForecastModel#probability}), the
 * same the back-test judged; each horizon is explained by the features that moved its log-odds most
 * (their exact Shapley values over the trees, {@link ForecastModel#contributions}).
 *
 * @param model    the fitted model, named in every forecast and warning
 * @param calendar when each month's fatalities are released: the day a forecast is issued
 */
public record ForecastIssuer(ForecastModel model, ReleaseCalendar calendar) {

    /** The detector named on forecast warnings. */
    public static final String DETECTOR = "onset-forecast";
    /** How many contributions a horizon lists. */
    static final int TOP = 6;

    /** The forecast of {@code country} for {@code month}, from what {@code tier} knew on its release day. */
    public Forecast issue(ForecastFeatures features, String country, YearMonth month, Classification tier) {
        double[] x = features.at(country, month);
        double[] z = model.standardise(x);
        List<String> missing = new ArrayList<>();
        for (int j = 0; j < x.length; j++) {
            if (Double.isNaN(x[j])) {
                missing.add(ForecastFeatures.NAMES.get(j));
            }
        }
        List<Forecast.Horizon> horizons = new ArrayList<>();
        for (ForecastModel.Horizon h : model.horizons()) {
            double[] parts = model.contributions(x, h.months());
            List<Forecast.FeatureContribution> contributions = new ArrayList<>();
            for (int j = 0; j < x.length; j++) {
                contributions.add(new Forecast.FeatureContribution(ForecastFeatures.NAMES.get(j),
                        Double.isNaN(x[j]) ? null : x[j], z[j], parts[j]));
            }
            contributions.sort(Comparator.comparingDouble((Forecast.FeatureContribution c) ->
                    -Math.abs(c.contribution())).thenComparing(Forecast.FeatureContribution::feature));
            horizons.add(new Forecast.Horizon(h.months(), model.probability(x, h.months()),
                    contributions.subList(0, Math.min(TOP, contributions.size()))));
        }
        return new Forecast(country, month, calendar.release(month), model.version(), horizons, missing, tier, null);
    }

    /** The probability of the warning rule's horizon. */
    public double warned(Forecast forecast) {
        return forecast.horizon(model.alert().horizonMonths()).probability();
    }

    /** The signal id of a forecast's warning: {@code <country>:<tier>:<day>:forecast}. */
    public static String warningId(Forecast forecast) {
        return forecast.country() + ":" + forecast.classification().label() + ":" + forecast.issued() + ":forecast";
    }

    /**
     * The {@code warning}-level signal of a forecast the rule picked: its score is the probability in
     * percent, its detection names the model version, the probability (observed) against that of an average
     * country-month (baseline: the trees' cover-weighted mean, where the contributions start), the log-odds
     * the features added (statistic: the sum of all contributions) and the rule's threshold; its evidence is the forecast's key on
     * {@code horizon.forecasts.v1} followed by its contributions, strongest first.
     */
    public Signal warning(Forecast forecast, Revision revision) {
        int months = model.alert().horizonMonths();
        Forecast.Horizon h = forecast.horizon(months);
        double expected = model.horizon(months).expected();
        double average = 1 / (1 + Math.exp(-expected));
        double added = Math.log(h.probability() / (1 - h.probability())) - expected;
        List<String> evidence = new ArrayList<>();
        evidence.add("forecast:" + Forecast.key(forecast.country(), forecast.classification(), forecast.month()));
        h.contributions().forEach(c -> evidence.add(String.format(java.util.Locale.ROOT, "contribution:%s:%+.3f",
                c.feature(), c.contribution())));
        return new Signal(warningId(forecast), forecast.country(), forecast.issued(), Lifecycle.NEW, RiskLevel.WARNING,
                100 * h.probability(), 0, new Detection(DETECTOR, forecast.model(),
                "forecast.onset-within-" + months + "-months", h.probability(), average, added,
                model.alert().threshold()), evidence, Set.of(), forecast.classification(), revision);
    }
}

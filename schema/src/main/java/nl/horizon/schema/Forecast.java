package nl.horizon.schema;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The onset forecast of a country in one classification tier, issued when a month's fatalities are
 * released in event time. Value of the compacted {@code horizon.forecasts.v1}, keyed
 * {@code <country>:<tier>:<month>}: input that arrives later revises it under the same key (next
 * revision), so the latest record per key is the forecast from everything received.
 *
 * @param country        ISO 3166-1 alpha-3
 * @param month          the month whose data it was issued on
 * @param issued         the event-time day it was issued: the month's release day; nothing dated on or after
 *                       it was read
 * @param model          the version of the fitted model ({@code config/forecast.yaml}) that computed it
 * @param horizons       the probability of an onset or escalation within each horizon, with what explains it
 * @param missing        features the pipeline had no value for (taken as their training mean)
 * @param classification the classification tier it was computed in: it read input up to this one
 * @param revision       which publication this is; absent only before it is published
 */
public record Forecast(String country, YearMonth month, LocalDate issued, String model, List<Horizon> horizons,
                       List<String> missing, Classification classification, Revision revision) {

    public Forecast {
        horizons = List.copyOf(horizons);
        missing = List.copyOf(missing);
    }

    /**
     * @param months        onset or escalation within this many months after {@code month}
     * @param probability   0..1
     * @param contributions the features that moved the log-odds most, strongest first
     */
    public record Horizon(int months, double probability, List<FeatureContribution> contributions) {

        public Horizon {
            contributions = List.copyOf(contributions);
        }
    }

    /**
     * One feature's part in a forecast's log-odds.
     *
     * @param feature      feature name, e.g. {@code conflict.log_months_since_25}
     * @param value        the feature's value, absent when it was missing
     * @param standardised the value in training standard deviations from the training mean (0 when missing)
     * @param contribution what the feature adds to the log-odds: its exact Shapley value over the model's trees
     *                     (TreeSHAP); with the model's expected log-odds they add up to the log-odds
     */
    public record FeatureContribution(String feature, Double value, double standardised, double contribution) {
    }

    /** The same forecast as published under {@code revision}. */
    public Forecast withRevision(Revision revision) {
        return new Forecast(country, month, issued, model, horizons, missing, classification, revision);
    }

    /** The key of a forecast on {@code horizon.forecasts.v1}. */
    public static String key(String country, Classification tier, YearMonth month) {
        return country + ":" + tier.label() + ":" + month;
    }

    /** The probability of the {@code months}-month horizon. */
    public Horizon horizon(int months) {
        return horizons.stream().filter(h -> h.months() == months).findFirst().orElseThrow(
                () -> new IllegalArgumentException("forecast " + key(country, classification, month) + " has no "
                        + months + "-month horizon"));
    }
}

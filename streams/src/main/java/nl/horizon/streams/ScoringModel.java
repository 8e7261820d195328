package nl.horizon.streams;

import nl.horizon.streams.forecast.ForecastIssuer;
import nl.horizon.streams.forecast.ForecastModel;
import nl.horizon.streams.forecast.LandBorders;
import nl.horizon.streams.forecast.ReleaseCalendar;
import nl.horizon.streams.scoring.DayScorer;
import nl.horizon.streams.scoring.IndicatorExtractor;
import nl.horizon.streams.scoring.PhaseClassifier;
import nl.horizon.streams.scoring.PhaseSettings;
import nl.horizon.streams.scoring.ScoringSettings;
import nl.horizon.streams.scoring.Taxonomy;
import nl.horizon.streams.text.CountryMentions;

import java.nio.file.Path;

/**
 * Everything in {@code config/} that shapes scoring: the indicator taxonomy with its lexicons
 * ({@code taxonomy.yaml}), the scoring settings ({@code scoring.yaml}), the place names that point to
 * countries ({@code places.yaml}, {@code demonyms.yaml}), the thresholds of the phase rule ({@code phases.yaml}), the fitted onset
 * forecast ({@code forecast.yaml}) and the land borders it reads neighbours from ({@code land-borders.csv}).
 * Loaded and checked once at start; a bad file stops the start.
 */
public record ScoringModel(Taxonomy taxonomy, ScoringSettings settings, CountryMentions places, PhaseSettings phases,
                           ForecastModel forecast, LandBorders borders) {

    /** Loads the files from {@code configDir}. */
    public static ScoringModel load(Path configDir) {
        try {
            return new ScoringModel(Taxonomy.load(configDir.resolve("taxonomy.yaml")),
                    ScoringSettings.load(configDir.resolve("scoring.yaml")),
                    CountryMentions.load(configDir),
                    PhaseSettings.load(configDir.resolve("phases.yaml")),
                    ForecastModel.read(configDir.resolve("forecast.yaml")),
                    LandBorders.readTable(configDir.resolve("land-borders.csv")));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read the forecast's files in " + configDir + ": " + e.getMessage(), e);
        }
    }

    /** The forecast as the pipeline issues it: released on the days the back-test releases months. */
    ForecastIssuer forecastIssuer() {
        return new ForecastIssuer(forecast, new ReleaseCalendar(settings.recentDays()));
    }

    IndicatorExtractor extractor() {
        return new IndicatorExtractor(taxonomy);
    }

    PhaseClassifier phaseClassifier() {
        return new PhaseClassifier(taxonomy, phases, settings.evidenceMax());
    }

    DayScorer scorer() {
        return new DayScorer(taxonomy, settings);
    }
}

package nl.horizon.streams;

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
 * countries ({@code places.yaml}) and the thresholds of the phase rule ({@code phases.yaml}). Loaded and checked once at start; a bad file stops the start.
 */
public record ScoringModel(Taxonomy taxonomy, ScoringSettings settings, CountryMentions places, PhaseSettings phases) {

    /** Loads the four files from {@code configDir}. */
    public static ScoringModel load(Path configDir) {
        return new ScoringModel(Taxonomy.load(configDir.resolve("taxonomy.yaml")),
                ScoringSettings.load(configDir.resolve("scoring.yaml")),
                CountryMentions.load(configDir.resolve("places.yaml")),
                PhaseSettings.load(configDir.resolve("phases.yaml")));
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

package nl.horizon.streams.scoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The thresholds of the phase rule from {@code config/phases.yaml}; see that file and docs/scoring.md
 * (section 6) for what each means. Checked at start: a bad value stops it with the key named, and so does
 * an indicator the taxonomy does not have ({@link #check(Taxonomy)}).
 */
public record PhaseSettings(
        @JsonProperty("hold.days") int holdDays,
        @JsonProperty("armed.conflict.deaths") double armedConflictDeaths,
        @JsonProperty("war.deaths") double warDeaths,
        @JsonProperty("war.quarter.deaths") double warQuarterDeaths,
        @JsonProperty("recovery.fall") double recoveryFall,
        @JsonProperty("tension.min.indicators") int tensionMinIndicators,
        @JsonProperty("tension.indicators") List<String> tensionIndicators,
        @JsonProperty("authority.indicators") List<String> authorityIndicators) {

    public PhaseSettings {
        check("hold.days", holdDays >= 1 && holdDays <= 730, holdDays, "1..730");
        check("armed.conflict.deaths", armedConflictDeaths > 0, armedConflictDeaths, "more than 0");
        check("war.deaths", warDeaths > armedConflictDeaths, warDeaths, "more than armed.conflict.deaths");
        check("war.quarter.deaths", warQuarterDeaths > 0, warQuarterDeaths, "more than 0");
        check("recovery.fall", recoveryFall > 0 && recoveryFall < 1, recoveryFall, "between 0 and 1");
        check("tension.min.indicators", tensionMinIndicators >= 1, tensionMinIndicators, "1 or more");
        check("tension.indicators", tensionIndicators != null && !tensionIndicators.isEmpty(), tensionIndicators,
                "a list of indicators");
        check("authority.indicators", authorityIndicators != null && !authorityIndicators.isEmpty(),
                authorityIndicators, "a list of indicators");
        tensionIndicators = List.copyOf(tensionIndicators);
        authorityIndicators = List.copyOf(authorityIndicators);
    }

    /** The same settings, once every indicator they name is known to {@code taxonomy}. */
    public PhaseSettings check(Taxonomy taxonomy) {
        for (String id : concat(tensionIndicators, authorityIndicators)) {
            check("indicators", taxonomy.indicator(id).isPresent(), id, "an indicator of taxonomy.yaml");
        }
        check("indicators", taxonomy.indicator(PhaseClassifier.DEATHS).isPresent(), PhaseClassifier.DEATHS,
                "an indicator of taxonomy.yaml");
        return this;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static void check(String key, boolean ok, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("phase setting " + key + " = " + value + " is not valid; expected "
                    + expected);
        }
    }

    /**
     * Reads and checks the settings.
     *
     * @throws IllegalArgumentException naming the file and the key
     */
    public static PhaseSettings load(Path file) {
        try {
            return new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                    .readValue(file.toFile(), PhaseSettings.class);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IllegalArgumentException(file + ": " + cause.getMessage(), e);
        }
    }
}

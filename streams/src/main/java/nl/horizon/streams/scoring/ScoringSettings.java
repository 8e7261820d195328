package nl.horizon.streams.scoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Scoring settings from {@code config/scoring.yaml}; see that file for what each means. Checked at
 * start: an unknown key or a value out of range stops it with the key named.
 */
public record ScoringSettings(
        @JsonProperty("day.grace.days") int graceDays,
        @JsonProperty("window.recent.days") int recentDays,
        @JsonProperty("window.baseline.days") int baselineDays,
        @JsonProperty("warmup.days") int warmupDays,
        @JsonProperty("min.baseline") double minBaseline,
        @JsonProperty("dispersion") double dispersion,
        @JsonProperty("surprise.saturation") double surpriseSaturation,
        @JsonProperty("decay.half.life.days") double decayHalfLifeDays,
        @JsonProperty("levels") Levels levels,
        @JsonProperty("hysteresis") double hysteresis,
        @JsonProperty("cooldown.days") int cooldownDays,
        @JsonProperty("sustained.days") int sustainedDays,
        @JsonProperty("corroboration.source.kinds") int corroborationSourceKinds,
        @JsonProperty("evidence.max") int evidenceMax,
        @JsonProperty("trend.days") int trendDays,
        @JsonProperty("historical.after.days") int historicalAfterDays) {

    /** Composite score needed to enter each level. */
    public record Levels(double watch, double warning, double alert) {
    }

    public ScoringSettings {
        check("day.grace.days", graceDays >= 0 && graceDays <= 60, graceDays, "0..60");
        check("window.recent.days", recentDays >= 1 && recentDays <= 366, recentDays, "1..366");
        check("window.baseline.days", baselineDays >= recentDays && baselineDays <= 3660, baselineDays,
                "window.recent.days..3660");
        check("warmup.days", warmupDays >= 0, warmupDays, "0 or more");
        check("min.baseline", minBaseline > 0, minBaseline, "more than 0");
        check("dispersion", dispersion > 0, dispersion, "more than 0");
        check("surprise.saturation", surpriseSaturation > 0, surpriseSaturation, "more than 0");
        check("decay.half.life.days", decayHalfLifeDays > 0, decayHalfLifeDays, "more than 0");
        check("levels", levels != null && 0 < levels.watch() && levels.watch() < levels.warning()
                && levels.warning() < levels.alert() && levels.alert() <= 100, levels, "0 < watch < warning < alert <= 100");
        check("hysteresis", hysteresis >= 0 && levels != null && hysteresis < levels.watch(), hysteresis,
                "0 or more and below levels.watch");
        check("cooldown.days", cooldownDays >= 0, cooldownDays, "0 or more");
        check("sustained.days", sustainedDays >= 1, sustainedDays, "1 or more");
        check("corroboration.source.kinds", corroborationSourceKinds >= 1, corroborationSourceKinds, "1 or more");
        check("evidence.max", evidenceMax >= 1, evidenceMax, "1 or more");
        check("trend.days", trendDays >= 1, trendDays, "1 or more");
        check("historical.after.days", historicalAfterDays >= 0, historicalAfterDays, "0 or more");
    }

    /** The first day whose score the trend may still look back to once {@code day} is scored. */
    public long trendMemoryFrom(long day) {
        return day - recentDays + 1 - graceDays;
    }

    private static void check(String key, boolean ok, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("scoring setting " + key + " = " + value + " is not valid; expected "
                    + expected);
        }
    }

    /**
     * Reads and checks the settings.
     *
     * @throws IllegalArgumentException naming the file and the key
     */
    public static ScoringSettings load(Path file) {
        try {
            return new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                    .readValue(file.toFile(), ScoringSettings.class);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IllegalArgumentException(file + ": " + cause.getMessage(), e);
        }
    }
}

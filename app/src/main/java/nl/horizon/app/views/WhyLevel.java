package nl.horizon.app.views;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.RiskLevel;

import java.util.Locale;

/**
 * Why a country's level is not the one its score alone suggests: Haiti at 97 shows WARNING while Mali at 88
 * shows ALERT, and the meeting must see that Haiti's evidence comes from one kind of source only.
 *
 * @param scoreSuggests the level the score alone would give
 * @param cause         held back (the two-independent-source rule, warm-up or cooldown) or kept up (hysteresis)
 * @param explanation   the reason in words, for people
 */
public record WhyLevel(RiskLevel scoreSuggests, Cause cause, String explanation) {

    /** What made the level differ. */
    public enum Cause {
        /** Lower than the score gives: corroboration, warm-up or cooldown ({@link CountryRisk#heldBack()}). */
        HELD_BACK,
        /** Higher than the score gives: a level is left only once the score falls the hysteresis below it. */
        HYSTERESIS;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Why the point's level differs from its score's, or null when it does not. */
    public static WhyLevel of(CountryRisk point, LevelThresholds thresholds) {
        RiskLevel byScore = thresholds.byScore(point.score());
        int order = point.level().compareTo(byScore);
        if (order < 0) {
            return new WhyLevel(byScore, Cause.HELD_BACK, "held at " + point.level().label() + " although the score "
                    + "reaches " + byScore.label() + ": " + (point.heldBack() == null ? "held back" : point.heldBack()));
        }
        if (order > 0) {
            return new WhyLevel(byScore, Cause.HYSTERESIS, "kept at " + point.level().label() + " although the score "
                    + "is below its threshold " + number(thresholds.threshold(point.level())) + ": a level is left only "
                    + "once the score falls " + number(thresholds.hysteresis()) + " points below it");
        }
        return null;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}

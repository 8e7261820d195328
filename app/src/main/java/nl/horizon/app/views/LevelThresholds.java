package nl.horizon.app.views;

import nl.horizon.schema.RiskLevel;
import nl.horizon.streams.scoring.ScoringSettings;

/**
 * The scores at which levels are entered, and how far below its threshold a level is kept (hysteresis): what
 * the read side needs to say why a level is not the one the score alone suggests.
 */
public record LevelThresholds(double watch, double warning, double alert, double hysteresis) {

    /** The thresholds the scoring runs with. */
    public static LevelThresholds of(ScoringSettings settings) {
        return new LevelThresholds(settings.levels().watch(), settings.levels().warning(), settings.levels().alert(),
                settings.hysteresis());
    }

    /** The level a score alone would give. */
    public RiskLevel byScore(double score) {
        if (score >= alert) {
            return RiskLevel.ALERT;
        }
        if (score >= warning) {
            return RiskLevel.WARNING;
        }
        return score >= watch ? RiskLevel.WATCH : RiskLevel.CALM;
    }

    /** The score at which a level is entered. */
    public double threshold(RiskLevel level) {
        return switch (level) {
            case ALERT -> alert;
            case WARNING -> warning;
            case WATCH -> watch;
            case CALM -> 0;
        };
    }
}

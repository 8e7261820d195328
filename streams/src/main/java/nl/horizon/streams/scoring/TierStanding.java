package nl.horizon.streams.scoring;

import nl.horizon.schema.Contribution;
import nl.horizon.schema.RiskLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Where one country stands in one clearance tier at the start of a day: its level with the memory that
 * moves it (held score, cooldown, last signal) and the scores of recent days for the trend. Scoring a
 * day moves it on; a copy is kept every few weeks as a checkpoint ({@link TierState}), so that late input
 * re-scores from the checkpoint before the day it changed instead of from the first day of history.
 * Fields are public for the JSON serde; only the scoring code changes them.
 */
public final class TierStanding {

    public RiskLevel level = RiskLevel.CALM;
    public long lastSignalDay = Long.MIN_VALUE;
    public long cooldownUntil = Long.MIN_VALUE;
    public double lastSignalScore;
    /** The decayed maximum of the daily composite: what is published and what levels follow. */
    public double heldScore;
    /** The contributions behind {@link #heldScore}, scaled with it; relief as negative ones. */
    public List<Contribution> heldContributions = new ArrayList<>();
    /** The score last published, rounded; -1 before the first. */
    public double publishedScore = -1;
    public RiskLevel publishedLevel = RiskLevel.CALM;
    /** Why the level last published was held back, null when it was not. */
    public String publishedHeldBack;
    /** epoch day → composite score, for the trend. */
    public TreeMap<Long, Double> scores = new TreeMap<>();

    public TierStanding copy() {
        TierStanding copy = new TierStanding();
        copy.level = level;
        copy.lastSignalDay = lastSignalDay;
        copy.cooldownUntil = cooldownUntil;
        copy.lastSignalScore = lastSignalScore;
        copy.heldScore = heldScore;
        copy.heldContributions = new ArrayList<>(heldContributions);
        copy.publishedScore = publishedScore;
        copy.publishedLevel = publishedLevel;
        copy.publishedHeldBack = publishedHeldBack;
        copy.scores = new TreeMap<>(scores);
        return copy;
    }
}

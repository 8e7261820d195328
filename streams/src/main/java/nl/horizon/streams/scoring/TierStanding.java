package nl.horizon.streams.scoring;

import nl.horizon.schema.Contribution;
import nl.horizon.schema.RiskLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Where one country stands in one clearance tier between closed days: its level with the memory that
 * moves it (held score, cooldown, last signal), the scores of recent days for the trend, and when its
 * history began. Small, and rewritten once per closed day. Fields are public for the JSON serde; only
 * the scoring code changes them.
 */
public final class TierStanding {

    /** Epoch day of the first story counted. */
    public long firstDay = Long.MAX_VALUE;
    public RiskLevel level = RiskLevel.CALM;
    public long lastSignalDay = Long.MIN_VALUE;
    public long cooldownUntil = Long.MIN_VALUE;
    public double lastSignalScore;
    /** The decayed maximum of the daily composite: what is published and what levels follow. */
    public double heldScore;
    /** The contributions behind {@link #heldScore}, scaled with it. */
    public List<Contribution> heldContributions = new ArrayList<>();
    /** The score last published, rounded; -1 before the first. */
    public double publishedScore = -1;
    public RiskLevel publishedLevel = RiskLevel.CALM;
    /** epoch day → composite score, for the trend. */
    public TreeMap<Long, Double> scores = new TreeMap<>();

    TierStanding copy() {
        TierStanding copy = new TierStanding();
        copy.firstDay = firstDay;
        copy.level = level;
        copy.lastSignalDay = lastSignalDay;
        copy.cooldownUntil = cooldownUntil;
        copy.lastSignalScore = lastSignalScore;
        copy.heldScore = heldScore;
        copy.heldContributions = new ArrayList<>(heldContributions);
        copy.publishedScore = publishedScore;
        copy.publishedLevel = publishedLevel;
        copy.scores = new TreeMap<>(scores);
        return copy;
    }
}

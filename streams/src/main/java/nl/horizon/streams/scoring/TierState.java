package nl.horizon.streams.scoring;

import nl.horizon.schema.Json;
import nl.horizon.schema.Observation;
import nl.horizon.schema.RiskLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What scoring remembers of one country as seen from one clearance tier: the daily totals of every
 * indicator (sparse: days without observations are zero), the evidence and source kinds behind them,
 * the stories already counted, and the level with its history. Fields are public for the JSON state
 * store; only the scoring package changes them. Maps are sorted so that the stored bytes, and so a
 * replay, are the same whatever the order of insertion.
 */
public final class TierState {

    /** Epoch day of the first observation. */
    public long firstDay = Long.MAX_VALUE;
    /** indicator → epoch day → total. */
    public TreeMap<String, TreeMap<Long, Double>> values = new TreeMap<>();
    /** indicator → epoch day → report ids (bounded). */
    public TreeMap<String, TreeMap<Long, List<String>>> evidence = new TreeMap<>();
    /** indicator → epoch day → source kinds. */
    public TreeMap<String, TreeMap<Long, TreeSet<String>>> kinds = new TreeMap<>();
    /** "indicator|story" → epoch day: stories already counted. */
    public TreeMap<String, Long> seen = new TreeMap<>();
    /** "indicator|story" → the report that stands for it: the smallest id, whatever came first. */
    public TreeMap<String, String> seenAs = new TreeMap<>();
    public RiskLevel level = RiskLevel.CALM;
    public long lastSignalDay = Long.MIN_VALUE;
    public long cooldownUntil = Long.MIN_VALUE;
    public double lastSignalScore;
    /** The decayed maximum of the daily composite: what is published and what levels follow. */
    public double heldScore;
    /** The contributions behind {@link #heldScore}, scaled with it. */
    public List<nl.horizon.schema.Contribution> heldContributions = new ArrayList<>();
    /** The score last published, rounded; -1 before the first. */
    public double publishedScore = -1;
    public RiskLevel publishedLevel = RiskLevel.CALM;
    /** epoch day → composite score, for the trend. */
    public TreeMap<Long, Double> scores = new TreeMap<>();
    /** "topic-partition" → offset of the last observation taken in. */
    public TreeMap<String, Long> inputOffsets = new TreeMap<>();

    /**
     * Takes in an observation unless its story was already counted for its indicator.
     *
     * @return false for a duplicate
     */
    boolean add(Observation o, long day, int evidenceMax, String input, long offset) {
        String story = o.indicator() + "|" + o.story();
        if (input != null) {
            inputOffsets.put(input, offset);
        }
        kinds.computeIfAbsent(o.indicator(), i -> new TreeMap<>()).computeIfAbsent(day, d -> new TreeSet<>())
                .add(o.sourceKind().label());
        Long seenDay = seen.get(story);
        if (seenDay != null) {
            String standing = seenAs.get(story);
            if (o.reportId().compareTo(standing) < 0) {
                seenAs.put(story, o.reportId());
                List<String> ids = evidence.getOrDefault(o.indicator(), new TreeMap<>()).get(seenDay);
                if (ids != null && ids.remove(standing)) {
                    addEvidence(ids, o.reportId(), evidenceMax);
                }
            }
            return false;
        }
        seen.put(story, day);
        seenAs.put(story, o.reportId());
        firstDay = Math.min(firstDay, day);
        values.computeIfAbsent(o.indicator(), i -> new TreeMap<>()).merge(day, o.value(), Double::sum);
        addEvidence(evidence.computeIfAbsent(o.indicator(), i -> new TreeMap<>()).computeIfAbsent(day,
                d -> new ArrayList<>()), o.reportId(), evidenceMax);
        return true;
    }

    /** Keeps the smallest report ids, sorted, so the evidence does not depend on arrival order. */
    private static void addEvidence(List<String> ids, String reportId, int evidenceMax) {
        int at = java.util.Collections.binarySearch(ids, reportId);
        if (at < 0) {
            ids.add(-at - 1, reportId);
        }
        while (ids.size() > evidenceMax) {
            ids.removeLast();
        }
    }

    /** Total of an indicator over the days {@code from..to}, inclusive. */
    double total(String indicator, long from, long to) {
        TreeMap<Long, Double> days = values.get(indicator);
        if (days == null || from > to) {
            return 0;
        }
        return days.subMap(from, true, to, true).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Whether anything was observed in {@code from..to}. */
    boolean active(long from, long to) {
        return values.values().stream().anyMatch(days -> !days.subMap(from, true, to, true).isEmpty());
    }

    /** Forgets what no window reaches any more. */
    void prune(long valuesBefore, long evidenceBefore) {
        values.values().forEach(days -> days.headMap(valuesBefore).clear());
        values.values().removeIf(TreeMap::isEmpty);
        evidence.values().forEach(days -> days.headMap(evidenceBefore).clear());
        evidence.values().removeIf(TreeMap::isEmpty);
        kinds.values().forEach(days -> days.headMap(evidenceBefore).clear());
        kinds.values().removeIf(TreeMap::isEmpty);
        seen.entrySet().removeIf(e -> {
            boolean old = e.getValue() < evidenceBefore;
            if (old) {
                seenAs.remove(e.getKey());
            }
            return old;
        });
        scores.headMap(evidenceBefore).clear();
    }

    /** A deep copy, to start a higher tier with everything this one has seen. */
    TierState copy() {
        try {
            return Json.mapper().readValue(Json.mapper().writeValueAsBytes(this), TierState.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

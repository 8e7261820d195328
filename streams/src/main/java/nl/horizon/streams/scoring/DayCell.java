package nl.horizon.streams.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * One indicator on one day in one clearance tier: how many stories were counted and their total, the
 * evidence behind them and the source kinds that reported it. It is the unit in which scoring state is
 * stored, so an observation rewrites one small entry whatever the country's history. Fields are public
 * for the JSON serde; only the scoring code changes them.
 */
public final class DayCell {

    /** Stories counted on this day; 0 when only repeats of stories counted earlier arrived. */
    public int stories;
    /** Sum of the counted stories' values. */
    public double total;
    /** The smallest report ids, sorted, so that the evidence does not depend on arrival order. */
    public List<String> evidence = new ArrayList<>();
    /** Source kinds that reported the indicator on this day, repeats included. */
    public TreeSet<String> kinds = new TreeSet<>();

    /** Counts a new story. */
    public void count(String reportId, double value, int evidenceMax) {
        stories++;
        total += value;
        addEvidence(reportId, evidenceMax);
    }

    /**
     * Lets a report with a smaller id stand for a story counted here before.
     *
     * @return whether the evidence changed
     */
    public boolean restate(String standing, String reportId, int evidenceMax) {
        if (!evidence.remove(standing)) {
            return false;
        }
        addEvidence(reportId, evidenceMax);
        return true;
    }

    private void addEvidence(String reportId, int evidenceMax) {
        int at = Collections.binarySearch(evidence, reportId);
        if (at < 0) {
            evidence.add(-at - 1, reportId);
        }
        while (evidence.size() > evidenceMax) {
            evidence.removeLast();
        }
    }

    DayCell copy() {
        DayCell copy = new DayCell();
        copy.stories = stories;
        copy.total = total;
        copy.evidence = new ArrayList<>(evidence);
        copy.kinds = new TreeSet<>(kinds);
        return copy;
    }
}

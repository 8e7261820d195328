package nl.horizon.streams.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * One indicator on one day in one clearance tier: how many stories were counted and their total, the
 * evidence behind them and the source kinds that reported it. It is the unit in which scoring state is
 * stored ({@link DayCellSerde}), so an observation rewrites one small entry whatever the country's history.
 * Fields are public for the serde, which also reads cells stored as JSON by earlier versions; only the
 * scoring code changes them.
 */
public final class DayCell {

    /** Stories counted on this day; 0 when only repeats of stories counted elsewhere arrived. */
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
     * Takes back a story counted here, when another report turned out to stand for it (on this day or
     * another). Its id leaves the evidence; when the story moved to another day and this cell had more
     * stories than it lists, the next id is not known here (the evidence then lists fewer).
     */
    public void uncount(String reportId, double value) {
        stories--;
        total -= value;
        evidence.remove(reportId);
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

    /** Whether nothing is counted here and no source kind reported it: the cell can be forgotten. */
    public boolean empty() {
        return stories == 0 && kinds.isEmpty();
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

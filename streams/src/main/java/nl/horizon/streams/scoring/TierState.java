package nl.horizon.streams.scoring;

import nl.horizon.schema.SourceKind;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * What scoring knows of one country as seen from one clearance tier: the {@link DayCell}s of every
 * indicator over its whole history (sparse: days without observations are zero), checkpoints of its
 * {@link TierStanding}, and how far it has been scored. The cells are a function of the set of
 * observations the tier has taken in, whatever their order; scores are a function of the cells. So late
 * input only has to change its cells and say from which day the tier must be scored again
 * ({@link #changed(long)}); {@link TierRescorer} then scores from the checkpoint before that day.
 *
 * <p>The detector holds it in memory and writes every change through to its state stores as small
 * entries, from which it is loaded again after a restart. Maps are sorted, so that what is computed from
 * them does not depend on the order of insertion.
 */
public final class TierState {

    /** indicator → epoch day → cell. */
    private final TreeMap<String, TreeMap<Long, DayCell>> days = new TreeMap<>();
    /** epoch day → the standing at the start of that day. */
    private final TreeMap<Long, TierStanding> checkpoints = new TreeMap<>();
    private long firstDay = Long.MAX_VALUE;
    private long dirtyFrom = Long.MAX_VALUE;
    private long scoredThrough = Long.MIN_VALUE;

    /** The cell of an indicator's day, created empty when missing. */
    public DayCell cell(String indicator, long day) {
        return days.computeIfAbsent(indicator, i -> new TreeMap<>()).computeIfAbsent(day, d -> new DayCell());
    }

    /** Restores a stored cell. */
    public void put(String indicator, long day, DayCell cell) {
        days.computeIfAbsent(indicator, i -> new TreeMap<>()).put(day, cell);
        if (cell.stories > 0) {
            firstDay = Math.min(firstDay, day);
        }
    }

    /** Counts a story on its day; the tier must be scored again from that day. */
    public DayCell count(String indicator, long day, String reportId, double value, int evidenceMax) {
        DayCell cell = cell(indicator, day);
        cell.count(reportId, value, evidenceMax);
        firstDay = Math.min(firstDay, day);
        changed(day);
        return cell;
    }

    /** Takes back a story counted on {@code day}; the tier must be scored again from that day. */
    public DayCell uncount(String indicator, long day, String reportId, double value) {
        DayCell cell = cell(indicator, day);
        cell.uncount(reportId, value);
        if (cell.stories == 0 && day == firstDay) {
            firstDay = days.values().stream().flatMap(cells -> cells.entrySet().stream())
                    .filter(e -> e.getValue().stories > 0).mapToLong(Map.Entry::getKey).min().orElse(Long.MAX_VALUE);
        }
        changed(day);
        return cell;
    }

    /** Notes a source kind reporting an indicator on a day; returns the cell when that is new to it. */
    public DayCell reportedBy(String indicator, long day, SourceKind kind) {
        DayCell cell = cell(indicator, day);
        if (!cell.kinds.add(kind.label())) {
            return null;
        }
        changed(day);
        return cell;
    }

    /** Epoch day of the first story counted, {@link Long#MAX_VALUE} when none is. */
    public long firstDay() {
        return firstDay;
    }

    /** The cells from {@code day} on changed: they must be scored again. */
    public void changed(long day) {
        dirtyFrom = Math.min(dirtyFrom, day);
    }

    /** The earliest day to score again once the tier's days run through {@code horizon}, if any. */
    public long pendingFrom(long horizon) {
        long from = Math.min(dirtyFrom, scoredThrough == Long.MIN_VALUE ? firstDay : scoredThrough + 1);
        return from <= horizon ? from : Long.MAX_VALUE;
    }

    /** Every day through {@code through} is scored as the cells now stand. */
    public void scored(long through) {
        scoredThrough = through;
        dirtyFrom = Long.MAX_VALUE;
    }

    /** Restores how far the tier was scored and from which day it must be scored again. */
    public void progress(long scoredThrough, long dirtyFrom) {
        this.scoredThrough = scoredThrough;
        this.dirtyFrom = dirtyFrom;
    }

    public long scoredThrough() {
        return scoredThrough;
    }

    public long dirtyFrom() {
        return dirtyFrom;
    }

    /** The latest checkpoint on or before {@code day}, or null. */
    public Map.Entry<Long, TierStanding> checkpointFor(long day) {
        return checkpoints.floorEntry(day);
    }

    /** Keeps a copy of the standing at the start of {@code day}. */
    public void checkpoint(long day, TierStanding standing) {
        checkpoints.put(day, standing.copy());
    }

    /** Checkpoints, for storing and restoring them. */
    public NavigableMap<Long, TierStanding> checkpoints() {
        return checkpoints;
    }

    /** Total of an indicator over the days {@code from..to}, inclusive, summed in day order. */
    double total(String indicator, long from, long to) {
        if (from > to) {
            return 0;
        }
        double total = 0;
        for (DayCell cell : window(indicator, from, to).values()) {
            total += cell.total;
        }
        return total;
    }

    /** Whether any story was counted in {@code from..to}. */
    boolean active(long from, long to) {
        for (TreeMap<Long, DayCell> cells : days.values()) {
            for (DayCell cell : cells.subMap(from, true, to, true).values()) {
                if (cell.stories > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first day after {@code day} with a story counted, {@link Long#MAX_VALUE} when none. */
    long nextStoryDay(long day) {
        long next = Long.MAX_VALUE;
        for (TreeMap<Long, DayCell> cells : days.values()) {
            for (Map.Entry<Long, DayCell> e : cells.tailMap(day, false).entrySet()) {
                if (e.getKey() >= next) {
                    break;
                }
                if (e.getValue().stories > 0) {
                    next = e.getKey();
                    break;
                }
            }
        }
        return next;
    }

    /** Adds the source kinds that reported an indicator in {@code from..to}. */
    void addKinds(String indicator, long from, long to, Set<SourceKind> kinds) {
        window(indicator, from, to).values().forEach(cell -> cell.kinds.forEach(k -> kinds.add(SourceKind.parse(k))));
    }

    /** An indicator's cells in {@code from..to}, inclusive. */
    NavigableMap<Long, DayCell> window(String indicator, long from, long to) {
        TreeMap<Long, DayCell> cells = days.get(indicator);
        return cells == null ? new TreeMap<>() : cells.subMap(from, true, to, true);
    }

    /** Every cell, for copying a tier into a new one. */
    public void forEachCell(CellVisitor visitor) {
        days.forEach((indicator, cells) -> cells.forEach((day, cell) -> visitor.visit(indicator, day, cell)));
    }

    /**
     * A new tier above this one, starting with everything this one has seen: a deep copy of the cells,
     * to be scored from its first day (standings are not copied: the new tier's own input may change any
     * day).
     */
    public TierState copyCells() {
        TierState copy = new TierState();
        forEachCell((indicator, day, cell) -> copy.put(indicator, day, cell.copy()));
        copy.changed(copy.firstDay);
        return copy;
    }

    /** Receives the cells of a tier. */
    @FunctionalInterface
    public interface CellVisitor {
        void visit(String indicator, long day, DayCell cell);
    }
}

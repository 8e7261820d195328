package nl.horizon.streams.scoring;

import nl.horizon.schema.SourceKind;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * What scoring knows of one country as seen from one clearance tier: its {@link TierStanding}, the
 * {@link DayCell}s of every indicator (sparse: days without observations are zero) and the offsets of
 * the last input taken in. The detector holds it in memory for scoring and writes every change through
 * to its state stores as small entries, from which it is loaded again after a restart. Maps are sorted,
 * so that what is computed from them does not depend on the order of insertion.
 */
public final class TierState {

    private final TierStanding standing;
    /** indicator → epoch day → cell. */
    private final TreeMap<String, TreeMap<Long, DayCell>> days = new TreeMap<>();
    /** "topic-partition" → offset of the last observation taken in. */
    private final TreeMap<String, Long> inputOffsets = new TreeMap<>();

    public TierState(TierStanding standing) {
        this.standing = standing;
    }

    public TierStanding standing() {
        return standing;
    }

    /** The cell of an indicator's day, created empty when missing. */
    public DayCell cell(String indicator, long day) {
        return days.computeIfAbsent(indicator, i -> new TreeMap<>()).computeIfAbsent(day, d -> new DayCell());
    }

    /** The cell of an indicator's day, or null when nothing is kept for it. */
    public DayCell existingCell(String indicator, long day) {
        TreeMap<Long, DayCell> cells = days.get(indicator);
        return cells == null ? null : cells.get(day);
    }

    /** Restores a stored cell. */
    public void put(String indicator, long day, DayCell cell) {
        days.computeIfAbsent(indicator, i -> new TreeMap<>()).put(day, cell);
    }

    public void offset(String input, long offset) {
        inputOffsets.put(input, offset);
    }

    public SortedMap<String, Long> inputOffsets() {
        return inputOffsets;
    }

    /** Total of an indicator over the days {@code from..to}, inclusive. */
    double total(String indicator, long from, long to) {
        if (from > to) {
            return 0;
        }
        return window(indicator, from, to).values().stream().mapToDouble(cell -> cell.total).sum();
    }

    /** Whether any story was counted in {@code from..to}. */
    boolean active(long from, long to) {
        return days.values().stream().anyMatch(cells -> cells.subMap(from, true, to, true).values().stream()
                .anyMatch(cell -> cell.stories > 0));
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

    /** Forgets the cells of days before {@code before}, telling {@code forgotten} each indicator and day. */
    public void forget(long before, BiConsumer<String, Long> forgotten) {
        for (Map.Entry<String, TreeMap<Long, DayCell>> indicator : days.entrySet()) {
            SortedMap<Long, DayCell> old = indicator.getValue().headMap(before);
            old.keySet().forEach(day -> forgotten.accept(indicator.getKey(), day));
            old.clear();
        }
        days.values().removeIf(TreeMap::isEmpty);
    }

    /** Every cell, for copying a tier into a new one. */
    public void forEachCell(CellVisitor visitor) {
        days.forEach((indicator, cells) -> cells.forEach((day, cell) -> visitor.visit(indicator, day, cell)));
    }

    /** A deep copy, to start a higher tier with everything this one has seen. */
    public TierState copy() {
        TierState copy = new TierState(standing.copy());
        forEachCell((indicator, day, cell) -> copy.put(indicator, day, cell.copy()));
        copy.inputOffsets.putAll(inputOffsets);
        return copy;
    }

    /** Receives the cells of a tier. */
    @FunctionalInterface
    public interface CellVisitor {
        void visit(String indicator, long day, DayCell cell);
    }
}

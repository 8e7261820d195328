package nl.horizon.backtest;

import java.time.YearMonth;
import java.util.List;

/**
 * One set of labels and how far its source reaches. Past {@code coveredUntil} the source says nothing,
 * so an alert whose window runs past it can be neither a hit nor a false alarm: it is left out (censored),
 * instead of being counted as a false alarm for want of labels.
 *
 * @param name         for reports
 * @param onsets       the labels, over the whole replayed history (warm-up included)
 * @param coveredUntil the last month the source covers
 */
public record LabelSet(String name, List<Onset> onsets, YearMonth coveredUntil) {

    public LabelSet {
        onsets = List.copyOf(onsets);
    }
}

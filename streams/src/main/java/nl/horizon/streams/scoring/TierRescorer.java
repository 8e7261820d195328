package nl.horizon.streams.scoring;

import nl.horizon.schema.Classification;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.Signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores a tier's days again from the earliest one whose cells changed, through the tier's horizon. It
 * starts from the latest checkpoint on or before that day (or from the first day of history), runs
 * {@link DayScorer} day by day, skips quiet stretches in which nothing can happen, and keeps a checkpoint
 * on the first day it scores in every block of {@value #CHECKPOINT_DAYS} days. Because a day's score
 * depends only on the cells up to that day and the standing it starts from, and checkpoints fall on the
 * same days whatever the day re-scoring started from, the result for every day is the same as scoring the
 * whole history in one go: late input costs the days from its own day (at most one block earlier) to the
 * horizon, not the whole history.
 */
public final class TierRescorer {

    /** Days between checkpoints: late input re-scores at most this many days before its own. */
    public static final long CHECKPOINT_DAYS = 28;

    private final DayScorer scorer;

    public TierRescorer(DayScorer scorer) {
        this.scorer = scorer;
    }

    /**
     * What a re-score gave: every risk point and signal for the days {@code from..through}, as they now
     * stand. Anything published before for those days and not among them no longer holds.
     *
     * @param from         the first day whose results are restated
     * @param through      the last day scored
     * @param checkpointed checkpoints after this day were replaced (and any before the first day dropped)
     */
    public record Rescored(long from, long through, long checkpointed, List<CountryRisk> risks,
                           List<Signal> signals) {
    }

    /**
     * Scores the tier's pending days through {@code horizon}; empty when nothing is pending.
     *
     * @param historyStart the first event day of any input the tier has (see {@link DayScorer#close})
     */
    public Optional<Rescored> rescore(String country, Classification tier, TierState state, long historyStart,
                                      long horizon) {
        long from = state.pendingFrom(horizon);
        if (from == Long.MAX_VALUE) {
            return Optional.empty();
        }
        long first = state.firstDay();
        List<CountryRisk> risks = new ArrayList<>();
        List<Signal> signals = new ArrayList<>();
        state.checkpoints().headMap(first).clear();
        if (first > horizon) {
            state.scored(horizon);
            return Optional.of(new Rescored(from, horizon, from, risks, signals));
        }
        Map.Entry<Long, TierStanding> checkpoint = state.checkpointFor(Math.max(from, first));
        long day = checkpoint == null ? first : checkpoint.getKey();
        TierStanding standing = checkpoint == null ? new TierStanding() : checkpoint.getValue().copy();
        state.checkpoints().tailMap(day, false).clear();
        long restated = Math.min(from, day);
        long resumed = day;
        long block = Math.floorDiv(day, CHECKPOINT_DAYS);
        while (day <= horizon) {
            if (scorer.idle(state, standing, day)) {
                long next = Math.min(state.nextStoryDay(day), horizon + 1);
                scorer.forgetTrendBefore(standing, next - 1);
                day = next;
                continue;
            }
            if (Math.floorDiv(day, CHECKPOINT_DAYS) != block) {
                block = Math.floorDiv(day, CHECKPOINT_DAYS);
                state.checkpoint(day, standing);
            }
            DayScorer.Outcome outcome = scorer.close(country, tier, state, standing, historyStart, day);
            outcome.risk().ifPresent(risks::add);
            outcome.signal().ifPresent(signals::add);
            day++;
        }
        state.scored(horizon);
        return Optional.of(new Rescored(restated, horizon, resumed, risks, signals));
    }
}

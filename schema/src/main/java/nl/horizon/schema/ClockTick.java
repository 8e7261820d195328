package nl.horizon.schema;

import java.time.Instant;

/**
 * How far in event time one upstream partition of {@code horizon.reports.v1} has got. Value of the
 * internal {@code horizon.scoring-clock.v1}, sent to every partition so that each scoring task knows
 * when every upstream has passed a day and the day can be scored, however the partitions interleave.
 *
 * @param upstream   the partition of {@code horizon.reports.v1}
 * @param streamTime the latest event time seen in it
 */
public record ClockTick(int upstream, Instant streamTime) {
}

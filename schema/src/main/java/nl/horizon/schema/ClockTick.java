package nl.horizon.schema;

import java.time.Instant;

/**
 * How far in event time one upstream partition of {@code horizon.reports.v1} has got. Sent to every
 * partition of {@code horizon.observations.v1} between the observations, as a record with the header
 * {@code horizon.clock}, so that each scoring task knows when every upstream has passed a day and the
 * day can be scored, however the partitions interleave. Consumers of observations skip these records.
 *
 * @param upstream   the partition of {@code horizon.reports.v1}
 * @param streamTime the latest event time seen in it
 */
public record ClockTick(int upstream, Instant streamTime) {
}

package nl.horizon.schema;

import java.time.Instant;

/**
 * How far event time has got in the reports of one classification, as seen by one extract task. Sent to
 * every partition of {@code horizon.observations.v1} between the observations, as a record with the header
 * {@code horizon.clock}, so that every scoring task learns the latest event time of all input, whichever
 * partition carried it: each classification tier is scored up to the latest day of the input it may see,
 * and never moves because of input it may not see. Consumers of observations skip these records.
 *
 * @param classification the classification of the reports the time was seen in
 * @param eventTime      the latest event time seen in them
 */
public record ClockTick(Classification classification, Instant eventTime) {
}

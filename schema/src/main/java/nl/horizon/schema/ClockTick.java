package nl.horizon.schema;

import java.time.Instant;

/**
 * How far event time reaches, back and forth, in the reports of one classification that one extract task
 * has seen. Sent to every partition of {@code horizon.observations.v1} between the observations, as a
 * record with the header {@code horizon.clock}, so that every scoring task learns the span of all input,
 * whichever partition carried it: each classification tier is scored up to the latest day of the input it
 * may see, counts its warm-up from the earliest, and never moves because of input it may not see.
 * Consumers of observations skip these records.
 *
 * @param classification the classification of the reports the times were seen in
 * @param earliest       the earliest event time seen in them
 * @param latest         the latest event time seen in them
 */
public record ClockTick(Classification classification, Instant earliest, Instant latest) {
}

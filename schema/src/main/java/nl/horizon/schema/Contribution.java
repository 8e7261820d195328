package nl.horizon.schema;

/**
 * One indicator's share of a composite score, so that every score decomposes into its parts.
 *
 * @param indicator    indicator id
 * @param value        the indicator's normalised value, 0-10
 * @param weight       the configured weight
 * @param contribution points this indicator adds to the 0-100 composite; negative for a de-escalation
 *                     indicator: the points its relief took off
 */
public record Contribution(String indicator, double value, double weight, double contribution) {
}

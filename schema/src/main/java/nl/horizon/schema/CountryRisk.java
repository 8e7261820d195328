package nl.horizon.schema;

import java.time.LocalDate;
import java.util.List;

/**
 * Latest composite risk of a country. Value of the compacted {@code horizon.country-risk.v1}, keyed by
 * {@link #country()}.
 *
 * @param country        ISO 3166-1 alpha-3
 * @param day            the event-time day the score is for (UTC)
 * @param score          composite 0-100
 * @param level          level after hysteresis
 * @param trend          direction against the previous week
 * @param contributions  per-indicator parts; they add up to {@code score}
 * @param classification highest classification among the evidence
 */
public record CountryRisk(
        String country,
        LocalDate day,
        double score,
        RiskLevel level,
        Trend trend,
        List<Contribution> contributions,
        Classification classification) {
}

package nl.horizon.schema;

import java.time.LocalDate;
import java.util.List;

/**
 * The composite risk of a country in one classification tier on one day. Value of the compacted
 * {@code horizon.country-risk.v1}, keyed {@code <country>:<tier>:<day>}: a point is published for each
 * day on which the score or the level changed, again (next revision) when late input changes it, and
 * deleted (a tombstone under its key) when late input shows that nothing changed on that day after all.
 * The compacted topic so holds each tier's score history; its latest day is the country's current risk.
 *
 * @param country        ISO 3166-1 alpha-3
 * @param day            the event-time day the score is for (UTC)
 * @param score          composite 0-100
 * @param level          level after hysteresis, warm-up, cooldown and corroboration
 * @param trend          direction against the previous week
 * @param contributions  per-indicator parts; they add up to {@code score}, de-escalation (relief) as negative
 *                       parts
 * @param heldBack       why the level is lower than the score alone would give (warm-up, cooldown, the
 *                       corroboration rule), absent when it is not
 * @param classification the classification tier it was computed in
 * @param revision       which publication of the point this is; absent only before the detector publishes it
 */
public record CountryRisk(
        String country,
        LocalDate day,
        double score,
        RiskLevel level,
        Trend trend,
        List<Contribution> contributions,
        String heldBack,
        Classification classification,
        Revision revision) implements Searchable {

    @Override
    public DocumentKind kind() {
        return DocumentKind.COUNTRY_RISK;
    }


    /** The same point as published under {@code revision}. */
    public CountryRisk withRevision(Revision revision) {
        return new CountryRisk(country, day, score, level, trend, contributions, heldBack, classification, revision);
    }

    /** The key of a point on {@code horizon.country-risk.v1}. */
    public static String key(String country, Classification tier, LocalDate day) {
        return country + ":" + tier.label() + ":" + day;
    }
}

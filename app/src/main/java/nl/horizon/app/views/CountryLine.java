package nl.horizon.app.views;

import nl.horizon.schema.Classification;
import nl.horizon.schema.Countries;
import nl.horizon.schema.CountryPhase;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.Forecast;
import nl.horizon.schema.RiskLevel;
import nl.horizon.schema.Trend;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * A country's line in the overview and the briefing: where it stands and how far it moved since a reference
 * day.
 *
 * @param day      the day its score last changed, on or before the day looked at
 * @param change   the rise since the reference day; a country scored only after it counts from 0, so a
 *                 newcomer is a riser too; null only where no reference day was asked for
 * @param whyLevel why its level is not the one its score suggests, null when it is
 * @param phase    its current AIV/CAVV phase in the same tier, null when stable or not looked up (the briefing)
 * @param forecast its latest onset forecast in the same tier, null when none was issued or not looked up
 */
public record CountryLine(String country, String name, LocalDate day, double score, RiskLevel level, Trend trend,
                          Double change, Classification classification, WhyLevel whyLevel,
                          CountryPhase phase, Forecast forecast) {

    /** The meeting's order: alerts, then warnings, then the rest; within a level the highest score first. */
    public static final Comparator<CountryLine> MEETING_ORDER = Comparator
            .comparing(CountryLine::level, Comparator.reverseOrder())
            .thenComparing(Comparator.comparingDouble(CountryLine::score).reversed())
            .thenComparing(CountryLine::country);

    /**
     * The line of {@code at}, changed since {@code before} (null: the country was not scored yet then, and
     * counts from 0); {@code withChange} false leaves the change out.
     */
    public static CountryLine of(CountryRisk at, CountryRisk before, boolean withChange, LevelThresholds thresholds) {
        Double change = !withChange ? null
                : Math.round((at.score() - (before == null ? 0 : before.score())) * 10) / 10.0;
        return new CountryLine(at.country(), Countries.englishName(at.country()), at.day(), at.score(), at.level(),
                at.trend(), change, at.classification(), WhyLevel.of(at, thresholds), null, null);
    }

    /** This line with the country's current phase and latest forecast. */
    public CountryLine withOutlook(CountryPhase currentPhase, Forecast latestForecast) {
        return new CountryLine(country, name, day, score, level, trend, change, classification, whyLevel,
                currentPhase, latestForecast);
    }
}

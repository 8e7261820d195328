package nl.horizon.app.views;

import nl.horizon.schema.Classification;
import nl.horizon.schema.Report;
import nl.horizon.schema.RiskLevel;

import java.time.LocalDate;
import java.util.List;

/**
 * A horizon-scan briefing for a period {@code [from, to]}.
 *
 * @param countries every country at warning or alert at some point of the period, alerts first, each with the
 *                  evidence behind it
 * @param risers    the countries whose score rose most, newcomers (scored only after {@code from}) counted from 0
 * @param alerts    the new and escalating signals of the period with their evidence
 * @param marking   the highest classification of anything in it: the marking it must carry on every page
 */
public record Briefing(LocalDate from, LocalDate to, List<BriefedCountry> countries, List<CountryLine> risers,
                       List<BriefedSignal> alerts, Classification marking) {

    /**
     * A country at warning or alert in the period.
     *
     * @param standing where it stood at the end of the period
     * @param highest  the highest level it reached in the period: what it is listed under
     * @param evidence excerpts of the reports behind its latest signal, corroborating reports first
     */
    public record BriefedCountry(CountryLine standing, RiskLevel highest, List<Report> evidence) {
    }

    /** A signal in a briefing, with the evidence behind it, corroborating reports first. */
    public record BriefedSignal(SignalLine signal, List<Report> evidence) {
    }
}

package nl.horizon.app.views;

import nl.horizon.schema.CountryPhase;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.Forecast;
import nl.horizon.schema.Report;

import java.util.List;

/**
 * A country's page.
 *
 * @param latest     its latest risk point, null when nothing about it is visible to the caller
 * @param whyLevel   why its level is not the one its score suggests, null when it is
 * @param history    its score every day, unchanged days filled in, oldest first
 * @param indicators each indicator of the latest score with the reports behind it
 * @param signals    its standing signals, newest first
 * @param evidence   the reports behind its latest standing signal, corroborating reports first
 * @param reports    its latest reports, newest first
 * @param phase      its current AIV/CAVV phase in the tier of {@code latest}, null when stable
 * @param forecast   its latest onset forecast in the tier of {@code latest}, null when none was issued
 */
public record CountryPage(String country, String name, CountryRisk latest, WhyLevel whyLevel, List<DailyRisk> history,
                          List<IndicatorEvidence> indicators, List<SignalLine> signals, List<Report> evidence,
                          List<Report> reports, CountryPhase phase, Forecast forecast) {
}

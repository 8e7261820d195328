package nl.horizon.app.views;

import java.util.List;

/**
 * One indicator's share of a country's latest score and the reports behind it: the drill-down from a bar
 * of the chart to the source items.
 *
 * @param value        the indicator's normalised value, 0-10
 * @param contribution its points in the composite; negative for relief
 * @param reports      how many reports of the recent window counted for it
 * @param evidence     the first of them, corroborating reports first ({@link EvidenceOrder})
 */
public record IndicatorEvidence(String indicator, double value, double weight, double contribution, int reports,
                                List<EvidenceLink> evidence) {
}

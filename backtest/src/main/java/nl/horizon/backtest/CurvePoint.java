package nl.horizon.backtest;

/**
 * One point of a method's precision–recall curve over alert volume: the method thinned to its strongest
 * {@code share} of alerts. A method with a better ranking of its own alerts keeps its precision as it
 * is thinned.
 *
 * @param labels    the label set
 * @param lead      the lead window's name
 * @param method    the method
 * @param share     the share of its alerts kept (0.25, 0.5, 0.75, 1)
 * @param alerts    alerts judged at that share
 * @param precision precision at that share
 * @param recall    recall at that share
 */
public record CurvePoint(String labels, String lead, String method, double share, int alerts, double precision,
                         double recall) {
}

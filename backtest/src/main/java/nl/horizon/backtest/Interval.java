package nl.horizon.backtest;

/**
 * A percentile interval from resampling.
 *
 * @param low  lower bound
 * @param high upper bound
 */
public record Interval(double low, double high) {
}

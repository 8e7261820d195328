package nl.horizon.backtest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Intervals from resampling countries: each resample draws as many countries as there are, with
 * replacement, and adds up their tallies. Countries, not alerts, are resampled because a country's alerts
 * and onsets hang together (one war gives many of both), so resampling alerts would claim more certainty
 * than the data holds. The draws are fixed by the seed and made once, so every method and every
 * difference between two methods is judged on the same resamples, and a rerun gives the same intervals.
 */
public final class CountryBootstrap {

    /** Two-sided 90%: the 5th and 95th percentiles. */
    static final double TAIL = 0.05;

    private final List<String> countries;
    /** times[r][c]: how often resample r drew country c. */
    private final int[][] times;

    /**
     * @param countries the countries to resample (every country of the test, with or without alerts)
     * @param resamples how many resamples
     * @param seed      fixes the draws
     */
    public CountryBootstrap(List<String> countries, int resamples, long seed) {
        this.countries = List.copyOf(countries);
        this.times = new int[resamples][countries.size()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int[] draw : times) {
            for (int i = 0; i < draw.length; i++) {
                draw[random.nextInt(draw.length)]++;
            }
        }
    }

    /** A 90% interval of the F1 score. */
    public Interval f1(Map<String, Tally> tallies) {
        return interval(r -> sum(tallies, r).f1());
    }

    /** A 90% interval of {@code F1(a) − F1(b)}, both scored on the same resamples. */
    public Interval f1Difference(Map<String, Tally> a, Map<String, Tally> b) {
        return interval(r -> sum(a, r).f1() - sum(b, r).f1());
    }

    private Tally sum(Map<String, Tally> tallies, int resample) {
        Tally total = Tally.ZERO;
        for (int c = 0; c < countries.size(); c++) {
            int n = times[resample][c];
            if (n > 0) {
                total = total.plus(tallies.getOrDefault(countries.get(c), Tally.ZERO), n);
            }
        }
        return total;
    }

    private Interval interval(ToDoubleFunction<Integer> statistic) {
        double[] values = new double[times.length];
        for (int r = 0; r < times.length; r++) {
            values[r] = statistic.applyAsDouble(r);
        }
        Arrays.sort(values);
        return new Interval(Scorecard.round(percentile(values, TAIL)), Scorecard.round(percentile(values, 1 - TAIL)));
    }

    private static double percentile(double[] sorted, double q) {
        int index = (int) Math.round(q * (sorted.length - 1));
        return sorted[index];
    }
}

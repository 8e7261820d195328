package nl.horizon.backtest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Resampling countries: fixed by its seed, and wide where few countries carry the result. */
class CountryBootstrapTest {

    private final List<String> countries = List.of("AAA", "BBB", "CCC", "DDD");
    private final Map<String, Tally> good = Map.of("AAA", new Tally(4, 3, 3, 3), "BBB", new Tally(2, 1, 2, 1),
            "CCC", new Tally(1, 0, 1, 0));
    private final Map<String, Tally> poor = Map.of("AAA", new Tally(4, 1, 3, 1), "DDD", new Tally(3, 0, 0, 0));

    @Test
    void theSameSeedGivesTheSameIntervals() {
        CountryBootstrap a = new CountryBootstrap(countries, 1000, 17);
        CountryBootstrap b = new CountryBootstrap(countries, 1000, 17);
        assertThat(a.f1(good)).isEqualTo(b.f1(good));
        assertThat(a.f1Difference(good, poor)).isEqualTo(b.f1Difference(good, poor));
    }

    @Test
    void theIntervalHoldsTheScoreAndTheDifferenceIsJudgedOnTheSameResamples() {
        CountryBootstrap bootstrap = new CountryBootstrap(countries, 1000, 17);
        double f1 = Tally.total(good).f1();
        Interval interval = bootstrap.f1(good);
        assertThat(interval.low()).isLessThanOrEqualTo(f1).isLessThan(interval.high());
        assertThat(bootstrap.f1Difference(good, good)).isEqualTo(new Interval(0, 0));
        assertThat(bootstrap.f1Difference(good, poor).high()).isPositive();
    }
}

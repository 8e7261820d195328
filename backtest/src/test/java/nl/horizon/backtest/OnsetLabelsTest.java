package nl.horizon.backtest;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Fatality labels on a synthetic series: bands above 1,000 and no merge that hides an escalation. */
class OnsetLabelsTest {

    private static MonthlySeries series(int... deaths) {
        TreeMap<YearMonth, Integer> months = new TreeMap<>();
        for (int i = 0; i < deaths.length; i++) {
            months.put(YearMonth.of(2018, 1).plusMonths(i), deaths[i]);
        }
        return new MonthlySeries(Map.of("ETH", months), java.util.List.of());
    }

    @Test
    void anEscalationSoonAfterAnOnsetIsALabelOfItsOwn() {
        int[] deaths = new int[24];
        deaths[20] = 150;   // 2019-09: onset after a calm year
        deaths[22] = 2500;  // 2019-11: two months later, a band no month of the year reached
        deaths[23] = 12000; // 2019-12: above 10,000
        LabelSet labels = OnsetLabels.of("fatality", series(deaths));
        assertThat(labels.onsets()).extracting(o -> o.month() + " " + o.kind())
                .containsExactly("2019-09 onset", "2019-11 escalation", "2019-12 escalation");
        assertThat(labels.coveredUntil()).isEqualTo(YearMonth.of(2019, 12));
    }

    @Test
    void aWarStayingInItsBandIsNoNewLabel() {
        int[] deaths = new int[24];
        java.util.Arrays.fill(deaths, 12, 24, 400);
        assertThat(OnsetLabels.of("fatality", series(deaths)).onsets()).extracting(Onset::kind).containsExactly("onset");
        assertThat(OnsetLabels.band(24)).isZero();
        assertThat(OnsetLabels.band(1536)).isEqualTo(3);
        assertThat(OnsetLabels.band(10000)).isEqualTo(4);
    }
}

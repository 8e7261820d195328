package nl.horizon.backtest;

import nl.horizon.streams.forecast.ReleaseCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Matched volume goes both ways, and only what lies inside the window counts. */
class EvaluationResultTest {

    private final ReleaseCalendar calendar = new ReleaseCalendar(30);
    private final Evaluation window = new Evaluation("test", YearMonth.of(2010, 1), YearMonth.of(2011, 12));
    private final LabelSet labels = new LabelSet("test", List.of(new Onset("AAA", LocalDate.of(2010, 8, 31), "onset"),
            new Onset("BBB", LocalDate.of(2011, 3, 31), "onset")), YearMonth.of(2011, 12));

    private static Alert alert(String country, int year, int month, double score) {
        return new Alert(country, YearMonth.of(year, month).atEndOfMonth(), score);
    }

    private EvaluationResult judge(List<Alert> horizon, List<Alert> baseline) {
        Map<String, List<Alert>> alerts = new LinkedHashMap<>();
        alerts.put("horizon", horizon);
        alerts.put("rule", baseline);
        return EvaluationResult.judge(window, new EvaluationResult.Methods(List.of("horizon"), alerts, List.of("rule")),
                List.of(labels), calendar, Set.of("AAA", "BBB", "CCC"));
    }

    private static Comparison oneMonthAhead(EvaluationResult result) {
        return result.comparisons().stream().filter(c -> c.lead().equals(LeadWindow.AHEAD_1_3.name())).findFirst()
                .orElseThrow();
    }

    @Test
    void whicheverRaisedMoreIsThinnedByItsOwnStrength() {
        List<Alert> few = List.of(alert("AAA", 2010, 7, 10));
        List<Alert> many = List.of(alert("CCC", 2010, 5, 90), alert("BBB", 2011, 2, 50), alert("CCC", 2010, 9, 5));

        Comparison ruleThinned = oneMonthAhead(judge(few, many));
        assertThat(ruleThinned.thinned()).isEqualTo("rule");
        assertThat(ruleThinned.volume()).isEqualTo(1);
        assertThat(ruleThinned.other().alerts()).isEqualTo(1);
        assertThat(ruleThinned.other().hits()).as("its strongest alert, a false alarm, is kept").isZero();
        assertThat(ruleThinned.candidate().hits()).isEqualTo(1);

        Comparison horizonThinned = oneMonthAhead(judge(many, few));
        assertThat(horizonThinned.thinned()).isEqualTo("horizon");
        assertThat(horizonThinned.candidate().alerts()).isEqualTo(1);
        assertThat(horizonThinned.f1Difference()).isEqualTo(-horizonThinned.other().f1());
    }

    @Test
    void alertsBeforeTheWindowDoNotCountEvenThoughTheReplayRanThen() {
        List<Alert> warmUp = List.of(alert("AAA", 2009, 12, 10), alert("AAA", 2010, 7, 10));
        EvaluationResult result = judge(warmUp, List.of());
        Scorecard horizon = result.scorecards().stream().filter(s -> s.method().equals("horizon")
                && s.lead().equals(LeadWindow.SAME_MONTH.name())).findFirst().orElseThrow();
        assertThat(horizon.alerts()).isEqualTo(1);
    }

    @Test
    void theCurveThinsEachMethodAlongItsStrength() {
        List<Alert> alerts = new ArrayList<>();
        alerts.add(alert("AAA", 2010, 7, 100));
        for (int m = 1; m <= 7; m++) {
            alerts.add(alert("CCC", 2010, m, m));
        }
        List<CurvePoint> curve = judge(alerts, List.of()).curve().stream().filter(p -> p.method().equals("horizon")
                && p.lead().equals(LeadWindow.AHEAD_1_3.name())).toList();
        assertThat(curve).extracting(CurvePoint::share).containsExactly(0.25, 0.5, 0.75, 1.0);
        assertThat(curve).extracting(CurvePoint::alerts).containsExactly(2, 4, 6, 8);
        assertThat(curve.getFirst().precision()).isEqualTo(0.5);
        assertThat(curve.getLast().precision()).isEqualTo(0.125);
    }
}

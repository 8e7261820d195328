package nl.horizon.backtest;

import nl.horizon.streams.forecast.ReleaseCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The scorecard's rules on small synthetic cases: what counts as a warning, a detection, and what is censored. */
class TallyTest {

    private final ReleaseCalendar calendar = new ReleaseCalendar(30);
    private final Evaluation window = new Evaluation("test", YearMonth.of(2010, 1), YearMonth.of(2012, 12));
    private final Onset june = new Onset("MLI", LocalDate.of(2011, 6, 30), "onset");

    private static Alert alert(int year, int month, int day) {
        return new Alert("MLI", LocalDate.of(year, month, day), 1);
    }

    private boolean counts(LeadWindow lead, Alert alert) {
        return lead.counts(alert, june, calendar);
    }

    @Test
    void aWarningMustBeIssuedBeforeTheOnsetMonthBegan() {
        assertThat(counts(LeadWindow.AHEAD_1_3, alert(2011, 5, 31))).as("May's release warns of June").isTrue();
        assertThat(counts(LeadWindow.AHEAD_1_3, alert(2011, 3, 1))).as("three months ahead").isTrue();
        assertThat(counts(LeadWindow.AHEAD_1_3, alert(2011, 2, 28))).as("four months ahead").isFalse();
        assertThat(counts(LeadWindow.AHEAD_1_6, alert(2010, 12, 1))).isTrue();
        assertThat(counts(LeadWindow.AHEAD_1_6, alert(2010, 11, 30))).isFalse();
        assertThat(counts(LeadWindow.AHEAD_1_3, alert(2011, 6, 1))).as("in the onset month: no warning").isFalse();
        assertThat(LeadWindow.AHEAD_1_3.counts(new Alert("NER", LocalDate.of(2011, 5, 31), 1), june, calendar))
                .as("another country").isFalse();
    }

    @Test
    void sameMonthDetectionRunsFromTheMonthsFirstDayToItsRelease() {
        assertThat(counts(LeadWindow.SAME_MONTH, alert(2011, 6, 1))).isTrue();
        assertThat(counts(LeadWindow.SAME_MONTH, alert(2011, 6, 30))).isTrue();
        assertThat(counts(LeadWindow.SAME_MONTH, alert(2011, 5, 31))).isFalse();
        assertThat(counts(LeadWindow.SAME_MONTH, alert(2011, 7, 1))).isFalse();
        Onset february = new Onset("MLI", LocalDate.of(2011, 2, 28), "onset");
        assertThat(LeadWindow.SAME_MONTH.counts(alert(2011, 3, 2), february, calendar))
                .as("February's total is released on 2 March").isTrue();
    }

    @Test
    void alertsWhoseWindowRunsPastTheLabelsAreCensoredNotFalseAlarms() {
        LabelSet labels = new LabelSet("test", List.of(june), YearMonth.of(2011, 12));
        List<Alert> alerts = List.of(alert(2011, 5, 31), alert(2011, 6, 30), alert(2011, 7, 31));
        Tally t = Tally.total(Tally.byCountry(alerts, labels, LeadWindow.AHEAD_1_6, window, calendar));
        assertThat(t.alerts()).as("June's window reaches December, July's January: censored").isEqualTo(2);
        assertThat(t.hits()).isEqualTo(1);
        assertThat(t.onsets()).isEqualTo(1);
        assertThat(t.detected()).isEqualTo(1);
        Tally sameMonth = Tally.total(Tally.byCountry(alerts, labels, LeadWindow.SAME_MONTH, window, calendar));
        assertThat(sameMonth.alerts()).isEqualTo(3);
        assertThat(sameMonth.hits()).isEqualTo(1);
    }

    @Test
    void labelsEarlierThanTheirWholeWindowInsideTheEvaluationAreNotJudged() {
        Onset march = new Onset("MLI", LocalDate.of(2010, 3, 31), "onset");
        LabelSet labels = new LabelSet("test", List.of(march, june), YearMonth.of(2012, 12));
        Map<String, Tally> sixAhead = Tally.byCountry(List.of(alert(2010, 1, 31)), labels, LeadWindow.AHEAD_1_6,
                window, calendar);
        assertThat(sixAhead.get("MLI").onsets()).as("March 2010 could have been warned of in 2009").isEqualTo(1);
        assertThat(sixAhead.get("MLI").hits()).as("but an alert warning of it is no false alarm").isEqualTo(1);
        Map<String, Tally> sameMonth = Tally.byCountry(List.of(), labels, LeadWindow.SAME_MONTH, window, calendar);
        assertThat(sameMonth.get("MLI").onsets()).isEqualTo(2);
    }
}

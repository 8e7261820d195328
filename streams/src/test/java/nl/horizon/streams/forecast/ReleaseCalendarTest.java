package nl.horizon.streams.forecast;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One month's total falls in exactly one 30-day scoring window, and is never released before its month ends. */
class ReleaseCalendarTest {

    private final ReleaseCalendar calendar = new ReleaseCalendar(30);

    @Test
    void februaryIsReleasedLateEnoughThatTheWindowEndingOnItHoldsNoJanuary() {
        assertThat(calendar.release(YearMonth.of(2011, 1))).isEqualTo(LocalDate.of(2011, 1, 31));
        assertThat(calendar.release(YearMonth.of(2011, 2))).isEqualTo(LocalDate.of(2011, 3, 2));
        assertThat(calendar.release(YearMonth.of(2011, 3))).isEqualTo(LocalDate.of(2011, 4, 1));
        assertThat(calendar.release(YearMonth.of(2011, 4))).isEqualTo(LocalDate.of(2011, 5, 1));
        assertThat(calendar.release(YearMonth.of(2011, 5))).isEqualTo(LocalDate.of(2011, 5, 31));
        assertThat(calendar.release(YearMonth.of(2012, 2))).as("leap year").isEqualTo(LocalDate.of(2012, 3, 1));
    }

    @Test
    void everyReleaseIsAfterItsMonthAndAWindowAfterThePrevious() {
        for (YearMonth m = YearMonth.of(1989, 2); m.isBefore(YearMonth.of(2030, 1)); m = m.plusMonths(1)) {
            LocalDate day = calendar.release(m);
            assertThat(day).isAfterOrEqualTo(m.atEndOfMonth()).isBeforeOrEqualTo(m.atEndOfMonth().plusDays(2));
            // the window ending on day holds day-29..day: the previous release must be before it
            assertThat(ChronoUnit.DAYS.between(calendar.release(m.minusMonths(1)), day)).isGreaterThanOrEqualTo(30);
        }
    }

    @Test
    void aWindowLongerThanAMonthIsRefused() {
        assertThatThrownBy(() -> new ReleaseCalendar(31)).hasMessageContaining("window.recent.days");
    }
}

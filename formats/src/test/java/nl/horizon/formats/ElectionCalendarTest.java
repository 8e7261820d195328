package nl.horizon.formats;

import nl.horizon.schema.RejectReason;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** REIGN's election calendar: every row an event or a rejection with its reason, never lost. */
class ElectionCalendarTest {

    private static final String HEADER = "ccode,electionnumber,country,elec_year,elec_month,elec_day,sequence,event,"
            + "elecnum,type,direct,regular,victory,change,runoff\n";

    @Test
    void everyRowOfTheRealCalendarIsAnEventOrARejectedRow() throws Exception {
        String text = SharedData.text("structural/reign_electionlist_2021-03_to2019.csv");
        long rows = text.lines().skip(1).filter(l -> !l.isBlank()).count();

        ElectionCalendar.Read read = ElectionCalendar.read("reign.csv", text);

        assertThat(read.events().size() + read.rejected().size()).isEqualTo(rows);
        // only names of states that no longer exist are left out, never a row of another kind
        assertThat(read.rejected()).allSatisfy(r -> assertThat(r.rejection().reason())
                .isEqualTo(RejectReason.UNKNOWN_COUNTRY));
        assertThat(read.rejected()).extracting(ElectionCalendar.RejectedRow::country).containsOnly(
                "Czechoslovakia", "Democratic Republic of Vietnam", "East Germany", "South Yemen");
        assertThat(read.events()).contains(
                new ElectionCalendar.Event("AFG", "700001", LocalDate.of(1987, 11, 30), ElectionCalendar.Kind.ANNOUNCED,
                        false),
                new ElectionCalendar.Event("AFG", "700001", LocalDate.of(1988, 4, 6), ElectionCalendar.Kind.VOTE_EARLY,
                        false));
    }

    @Test
    void spellingsAreReadAsTheirKindAndMonthOnlyRowsAtTheMonthsEnd() throws Exception {
        String text = HEADER + """
                432,1,Mali,2012,4,29,1,"Vote, As scheduled",432001,X,Y,Y,,,N
                432,2,Mali,2012,5, ,1,"Deadline, Not Met",432002,L,Y,,,,N
                432,3,Mali,2013,1,4,1,Anulled,432003,L,Y,N,,,N
                """;
        ElectionCalendar.Read read = ElectionCalendar.read("reign.csv", text);

        assertThat(read.rejected()).isEmpty();
        assertThat(read.events()).containsExactly(
                new ElectionCalendar.Event("MLI", "432001", LocalDate.of(2012, 4, 29),
                        ElectionCalendar.Kind.VOTE_AS_SCHEDULED, true),
                new ElectionCalendar.Event("MLI", "432002", LocalDate.of(2012, 5, 31),
                        ElectionCalendar.Kind.DEADLINE_NOT_MET, false),
                new ElectionCalendar.Event("MLI", "432003", LocalDate.of(2013, 1, 4), ElectionCalendar.Kind.VOIDED, false));
    }

    @Test
    void aBadRowIsRejectedAloneWithItsReason() throws Exception {
        String text = HEADER + """
                432,1,Mali,2012,4,29,1,"Vote, Early",432001,X,Y,N,,,N
                999,1,Atlantis,2012,4,29,1,"Vote, Early",999001,X,Y,N,,,N
                432,2,Mali,2012,2,30,1,Announced,432002,X,Y,N,,,N
                432,3,Mali,2012,2,3,1,Postponed Forever,432003,X,Y,N,,,N
                432,4,Mali,2012,2,3,1,Announced,432004,X,Y,N,,
                """;
        ElectionCalendar.Read read = ElectionCalendar.read("reign.csv", text);

        assertThat(read.events()).hasSize(1);
        assertThat(read.rejected()).extracting(r -> r.rejection().reason()).containsExactly(
                RejectReason.UNKNOWN_COUNTRY, RejectReason.INVALID_FIELD, RejectReason.INVALID_FIELD,
                RejectReason.MALFORMED);
        assertThat(read.rejected().get(0).country()).isEqualTo("Atlantis");
        assertThat(read.rejected().get(1).rejection().detail()).isEqualTo("the event in Mali on 2012-2-30 is not dated");
    }

    @Test
    void aTableWithoutTheColumnsIsRefused() {
        assertThatThrownBy(() -> ElectionCalendar.read("x.csv", "country,year\nMali,2012\n"))
                .isInstanceOf(Rejection.class).hasMessageContaining("not an election calendar");
    }
}

package nl.horizon.formats;

import nl.horizon.schema.CoupAttempt;
import nl.horizon.schema.RejectReason;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Powell &amp; Thyne's coup table: every row an attempt or a rejection with its reason, never lost. */
class CoupTableTest {

    private static final String FILE = "conflict-labels/powell_thyne_coups_1950-2019.csv";

    @Test
    void everyRowOfTheRealTableIsAnAttemptOrARejectedRow() throws Exception {
        String text = SharedData.text(FILE);
        long rows = text.lines().skip(1).filter(l -> !l.isBlank()).count();

        assertThat(CoupTable.detect(text)).isTrue();
        CoupTable.Read read = CoupTable.read("powell_thyne_coups_1950-2019.csv", text);

        assertThat(read.attempts().size() + read.rejected().size()).isEqualTo(rows);
        assertThat(read.attempts()).contains(
                new CoupAttempt("MLI", LocalDate.of(2012, 3, 22), true, "powell_thyne_coups_1950-2019.csv"),
                new CoupAttempt("BFA", LocalDate.of(2014, 10, 30), true, "powell_thyne_coups_1950-2019.csv"),
                new CoupAttempt("BFA", LocalDate.of(2015, 9, 17), false, "powell_thyne_coups_1950-2019.csv"));
        // the 2015 attempt in Burkina Faso failed (coup 1)
        assertThat(read.rejected()).allSatisfy(r -> assertThat(r.rejection().reason())
                .isEqualTo(RejectReason.UNKNOWN_COUNTRY));
        // 476 rows: 467 attempts; the 9 of North and South Yemen before 1990 name no ISO3 country
        assertThat(read.attempts()).hasSize(467);
        assertThat(read.rejected()).hasSize(9).allSatisfy(r -> assertThat(r.country()).contains("Yemen"));
    }

    @Test
    void aBadRowIsRejectedAloneWithItsReason() throws Exception {
        String text = """
                country,ccode,ccode_gw,ccode_polity,year,month,day,coup,version
                Mali,432,432,432,2012,3,22,2,V2022.11.29
                Atlantis,999,NA,NA,2012,1,1,1,V2022.11.29
                Mali,432,432,432,2012,2,30,1,V2022.11.29
                Mali,432,432,432,2012,3,23,3,V2022.11.29
                Mali,432,432,2012,3,24,1,V2022.11.29
                """;
        CoupTable.Read read = CoupTable.read("coups.csv", text);

        assertThat(read.attempts()).containsExactly(new CoupAttempt("MLI", LocalDate.of(2012, 3, 22), true,
                "coups.csv"));
        assertThat(read.rejected()).extracting(r -> r.rejection().reason()).containsExactly(
                RejectReason.UNKNOWN_COUNTRY, RejectReason.INVALID_FIELD, RejectReason.INVALID_FIELD,
                RejectReason.MALFORMED);
        assertThat(read.rejected().get(0).country()).isEqualTo("Atlantis");
        assertThat(read.rejected().get(1).rejection().detail()).isEqualTo(
                "the attempt in Mali on 2012-2-30 is not dated to a day");
        assertThat(read.rejected().get(2).payload()).isEqualTo("Mali,432,432,432,2012,3,23,3,V2022.11.29");
    }

    @Test
    void aTableWithoutTheColumnsIsNoCoupTable() {
        assertThat(CoupTable.detect("Entity,Code,Year,Value\n")).isFalse();
        assertThatThrownBy(() -> CoupTable.read("x.csv", "country,year\nMali,2012\n"))
                .isInstanceOf(Rejection.class).hasMessageContaining("is not a coup table");
    }
}

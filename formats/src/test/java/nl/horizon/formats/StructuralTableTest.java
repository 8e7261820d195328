package nl.horizon.formats;

import nl.horizon.schema.RejectReason;
import nl.horizon.schema.StructuralValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Country-year tables in their publishers' layouts: every value read, every bad row rejected alone. */
class StructuralTableTest {

    private static final String WORLD_BANK = "\uFEFF\"Data Source\",\"World Development Indicators\",\n\n"
            + "\"Last Updated Date\",\"2024-06-28\",\n\n"
            + "\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"2009\",\"2010\",\"2011\",\n"
            + "\"Mali\",\"MLI\",\"Mortality rate, infant (per 1,000 live births)\",\"SP.DYN.IMRT.IN\",\"80.1\",\"77.9\",\"\",\n"
            + "\"Sub-Saharan Africa\",\"SSF\",\"Mortality rate, infant (per 1,000 live births)\",\"SP.DYN.IMRT.IN\",\"60\",\"\",\"\",\n"
            + "\"Niger\",\"NER\",\"Mortality rate, infant (per 1,000 live births)\",\"SP.DYN.IMRT.IN\",\"n/a\",\"55\",\"\",\n"
            + "\"Nowhere\",\"\",\"Mortality rate, infant (per 1,000 live births)\",\"SP.DYN.IMRT.IN\",\"1\",\"\",\"\",\n";

    @Test
    void aWorldBankTableGivesOneValuePerCountryYearAndRejectsBadRowsAlone() throws Exception {
        assertThat(StructuralTable.detect(WORLD_BANK)).contains(StructuralTable.WORLD_BANK);
        StructuralTable.Read read = StructuralTable.WORLD_BANK.read("API_SP.DYN.IMRT.IN_DS2_en_csv_v2_1.csv", WORLD_BANK);

        assertThat(read.values()).containsExactly(
                new StructuralValue("MLI", "SP.DYN.IMRT.IN", 2009, 80.1, "API_SP.DYN.IMRT.IN_DS2_en_csv_v2_1.csv"),
                new StructuralValue("MLI", "SP.DYN.IMRT.IN", 2010, 77.9, "API_SP.DYN.IMRT.IN_DS2_en_csv_v2_1.csv"),
                new StructuralValue("SSF", "SP.DYN.IMRT.IN", 2009, 60, "API_SP.DYN.IMRT.IN_DS2_en_csv_v2_1.csv"));
        assertThat(read.rejected()).hasSize(2);
        assertThat(read.rejected().get(0).rejection().detail()).isEqualTo("the value of NER in 2009 is not a number: 'n/a'");
        assertThat(read.rejected().get(0).payload()).startsWith("Niger,NER,");
        assertThat(read.rejected().get(1).rejection().reason()).isEqualTo(RejectReason.INVALID_FIELD);
    }

    @Test
    void anOwidTableReadsItsFirstValueColumnAndSkipsRegions() throws Exception {
        String owid = """
                Entity,Code,Year,Electoral Democracy Index,World region according to OWID
                Mali,MLI,2011,0.52,Africa
                Africa,,2011,0.4,
                Mali,MLI,twenty,0.5,Africa
                Mali,MLI,2012,,Africa
                """;
        assertThat(StructuralTable.detect(owid)).contains(StructuralTable.OWID);
        StructuralTable.Read read = StructuralTable.OWID.read("edi.csv", owid);

        assertThat(read.values()).containsExactly(new StructuralValue("MLI", "Electoral Democracy Index", 2011, 0.52,
                "edi.csv"));
        assertThat(read.rejected()).singleElement().satisfies(r -> assertThat(r.rejection().detail())
                .isEqualTo("Year 'twenty' of MLI is not a year"));
    }

    @Test
    void notANumberAndInfinityAreNoValues() throws Exception {
        String owid = """
                Entity,Code,Year,Electoral Democracy Index,World region according to OWID
                Mali,MLI,2011,NaN,Africa
                Niger,NER,2011,Infinity,Africa
                """;
        StructuralTable.Read read = StructuralTable.OWID.read("edi.csv", owid);

        assertThat(read.values()).isEmpty();
        assertThat(read.rejected()).extracting(r -> r.rejection().detail()).containsExactly(
                "the value of MLI in 2011 is not a number: 'NaN'", "the value of NER in 2011 is not a number: 'Infinity'");
    }

    @Test
    void anythingElseIsNoStructuralTable() {
        assertThat(StructuralTable.detect("a,b,c\n1,2,3\n")).isEmpty();
        assertThatThrownBy(() -> StructuralTable.WORLD_BANK.read("x.csv", "a,b\n"))
                .isInstanceOf(Rejection.class).hasMessageContaining("not a World Bank bulk CSV");
    }

    @Test
    void theRealWorldBankAndOwidTablesAreReadWithoutARejectedRow() throws Exception {
        for (String file : java.util.List.of("structural/API_SP.DYN.IMRT.IN_DS2_en_csv_v2_80621.csv",
                "structural/API_SP.POP.TOTL_DS2_en_csv_v2_38144.csv",
                "structural/electoral-democracy-index__vdem_owid.csv")) {
            String text = SharedData.text(file);
            StructuralTable layout = StructuralTable.detect(text).orElseThrow();
            StructuralTable.Read read = layout.read(file, text);
            assertThat(read.rejected()).as(file).isEmpty();
            assertThat(read.values()).as(file).hasSizeGreaterThan(5_000);
        }
    }
}

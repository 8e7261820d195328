package nl.horizon.formats;

import nl.horizon.schema.RejectReason;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventTableTest {

    @Test
    void acledRowsBecomeEventReportsWithFatalities() {
        String csv = SharedData.text("acled/acled_sample_9000_events_2022H1_169countries.csv");
        assertThat(EventTable.detect(csv.lines().findFirst().orElseThrow())).contains(EventTable.ACLED);

        Normalising n = Normalising.of(EventTable.ACLED.split(csv), SourceKind.EVENT_DATA, "acled");

        assertThat(n.splitRejections).isEmpty();
        assertThat(n.rejections).isEmpty();
        assertThat(n.reports).hasSize(9000);
        Report uganda = n.reports.get(0);
        assertThat(uganda.id()).isEqualTo("event-data:acled:UGA7752");
        assertThat(uganda.countries()).containsExactly("UGA");
        assertThat(uganda.publishedAt()).isEqualTo(Instant.parse("2022-02-23T00:00:00Z"));
        assertThat(uganda.event().eventType()).isEqualTo("Riots");
        assertThat(uganda.event().fatalities()).isEqualTo(1);
        assertThat(uganda.body()).startsWith("On 23 February 2022");
        assertThat(n.reports).allSatisfy(r -> assertThat(r.countries()).hasSize(1));
    }

    /** What ACLED's actor fields say beyond the type ({@link AcledMarks}), on rows written like the real ones. */
    @Test
    void acledActorFieldsMarkCiviliansArmedTargetsForeignForcesAndCommunities() {
        String csv = """
                event_id_cnty,event_date,country,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,civilian_targeting,location,notes,fatalities
                AFG1,2022-01-18,Afghanistan,Explosions/Remote violence,Remote explosive/landmine/IED,Unidentified Armed Group (Afghanistan),,3,Civilians (Afghanistan),,7,,Alingar,A vehicle hit a bomb.,3
                THA1,2022-04-15,Thailand,Explosions/Remote violence,Remote explosive/landmine/IED,PULO,,4,Police Forces of Thailand (2019-),Civilians (Thailand),1,,Sai Buri,Bombs went off.,1
                YEM1,2022-06-20,Yemen,Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of Yemen (2012-),,1,Military Forces of Yemen (2016-) Supreme Political Council,,1,,Sadah,Artillery fired.,0
                IRQ1,2022-06-14,Iraq,Explosions/Remote violence,Air/drone strike,Military Forces of Turkey (2016-),,8,PKK: Kurdistan Workers Party,,2,,Duhok,Airstrikes.,0
                UKR1,2022-03-22,Ukraine,Battles,Armed clash,Military Forces of Russia (2000-),,8,Military Forces of Ukraine (2019-),,1,,Donetsk,Fighting.,0
                PHL1,2022-04-01,Philippines,Battles,Armed clash,BIFF,,2,Military Forces of the Philippines (2016-2022),,1,,Buluan,Clash.,0
                SSD1,2022-03-13,South Sudan,Violence against civilians,Attack,Bor Clan Militia (South Sudan),,Identity militia,Civilians (South Sudan),,Civilians,,Kubu,Attack on a village.,19
                MEX1,2022-05-01,Mexico,Strategic developments,Arrests,Police Forces of Mexico (2018-),,1,Civilians (International),Refugees/IDPs (International),7,,Tapachula,Migrants detained.,0
                COL1,2022-05-31,Colombia,Strategic developments,Other,Civilians (Colombia),,7,Military Forces of Colombia (2018-),,1,,El Jagual,Standoff.,0
                KEN1,2022-05-01,Kenya,Riots,Mob violence,Rioters (Kenya),,5,Civilians (Kenya),,7,Civilian targeting,Nairobi,A mob attacked a man.,0
                """;
        Normalising n = Normalising.of(EventTable.ACLED.split(csv), SourceKind.EVENT_DATA, "acled");

        assertThat(n.rejections).isEmpty();
        java.util.Map<String, List<String>> marks = new java.util.LinkedHashMap<>();
        n.reports.forEach(r -> marks.put(r.id().substring(r.id().lastIndexOf(':') + 1), r.event().marks()));
        assertThat(marks).containsExactly(
                java.util.Map.entry("AFG1", List.of("Civilian targeting")),
                java.util.Map.entry("THA1", List.of("Civilian targeting")),
                java.util.Map.entry("YEM1", List.of("Armed target")),
                java.util.Map.entry("IRQ1", List.of("Armed target", "Foreign forces")),
                java.util.Map.entry("UKR1", List.of("Armed target")),
                java.util.Map.entry("PHL1", List.of("Armed target")),
                java.util.Map.entry("SSD1", List.of("Civilian targeting", "Communal violence")),
                java.util.Map.entry("MEX1", List.of("Foreign civilians")),
                java.util.Map.entry("COL1", List.of()),
                java.util.Map.entry("KEN1", List.of("Civilian targeting")));
    }

    /** On the real export: every attack on civilians is civilian targeting, as ACLED defines it; no protest is. */
    @Test
    void acledMarksOnTheRealSampleFollowTheCodebook() {
        Normalising n = Normalising.of(EventTable.ACLED.split(SharedData.text(
                "acled/acled_sample_9000_events_2022H1_169countries.csv")), SourceKind.EVENT_DATA, "acled");
        assertThat(n.reports).filteredOn(r -> r.event().eventType().equals("Violence against civilians"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.event().marks()).contains("Civilian targeting"));
        assertThat(n.reports).filteredOn(r -> r.event().eventType().equals("Protests"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.event().marks()).doesNotContain("Civilian targeting",
                        "Armed target", "Foreign forces", "Communal violence"));
        assertThat(n.reports).filteredOn(r -> r.event().marks().contains("Foreign forces")).isNotEmpty();
    }

    @Test
    void ucdpGedRowsMapUcdpCountryNames() {
        String csv = SharedData.text("ucdp/ged_candidate_events_v23_0_10.csv");
        assertThat(EventTable.detect(csv.lines().findFirst().orElseThrow())).contains(EventTable.UCDP_GED);

        Normalising n = Normalising.of(EventTable.UCDP_GED.split(csv), SourceKind.EVENT_DATA, "ucdp-candidate");

        assertThat(n.splitRejections).isEmpty();
        assertThat(n.rejections).isEmpty();
        assertThat(n.reports).hasSize(2391).allSatisfy(r -> assertThat(r.countries()).hasSize(1));
        assertThat(n.reports).filteredOn(r -> r.countries().contains("COD")).isNotEmpty();
        assertThat(n.reports.get(0).event().eventType()).isEqualTo("one-sided");
    }

    /** The Candidate GED names actors it has not identified "XXX" + a country number: "XXX140 - XXX140". */
    @Test
    void ucdpGedTitlesSayWhatHappenedBetweenWhomAndWhere() {
        Normalising n = Normalising.of(EventTable.UCDP_GED.split(SharedData.text("ucdp/ged_candidate_events_v23_0_10.csv")),
                SourceKind.EVENT_DATA, "ucdp-candidate");

        assertThat(n.reports).extracting(Report::title).noneMatch(t -> t.contains("XXX"));
        assertThat(n.reports).extracting(Report::title).contains(
                "Non-state conflict in Brazil: unidentified armed groups, In the center of Caicó/RN",
                "One-sided violence in Brazil: unidentified armed group – Civilians, Manacapuru",
                "State-based conflict in Afghanistan: Government of Afghanistan – IS, Sawkay, Kunar",
                "Non-state conflict in Yemen: unidentified armed groups, Bani Ahkam in Arhab",
                "State-based conflict in Afghanistan: Government of Afghanistan – IS");
    }

    @Test
    void gdeltReadsBothColumnLayouts() {
        String tsv = SharedData.text("gdelt/gdelt1_daily_export_20160728_sample710.tsv");
        assertThat(EventTable.detect(tsv.lines().findFirst().orElseThrow())).contains(EventTable.GDELT);

        Normalising n = Normalising.of(EventTable.GDELT.split(tsv), SourceKind.EVENT_DATA, "gdelt");

        assertThat(n.splitRejections).isEmpty();
        assertThat(n.rejections).isEmpty();
        assertThat(n.reports).hasSize(710);
        Report old = n.reports.stream().filter(r -> r.id().endsWith(":1552829")).findFirst().orElseThrow();
        assertThat(old.countries()).containsExactly("GHA");
        assertThat(old.links()).isEmpty();
        Report recent = n.reports.stream().filter(r -> r.id().endsWith(":564111644")).findFirst().orElseThrow();
        assertThat(recent.countries()).containsExactly("USA");
        assertThat(recent.event().cameoCode()).isEqualTo("010");
        assertThat(recent.links()).hasSize(1);
    }

    @Test
    void gdelt2RowsHaveAnAdm2CodeAfterEachAdm1Code() {
        String row = SharedData.text("gdelt/gdelt1_daily_export_20160728_sample710.tsv").lines()
                .filter(l -> l.startsWith("564111644\t")).findFirst().orElseThrow();
        List<String> cells = new java.util.ArrayList<>(List.of(row.split("\t", -1)));
        for (int adm1 : new int[] {54, 46, 38}) {
            cells.add(adm1 + 1, "ADM2-" + adm1);
        }
        String widened = String.join("\t", cells);
        assertThat(cells).hasSize(61);
        assertThat(EventTable.detect(widened)).contains(EventTable.GDELT);

        Normalising n = Normalising.of(EventTable.GDELT.split(widened + "\n1\t2\t3\n"), SourceKind.EVENT_DATA, "gdelt");

        assertThat(n.reports).singleElement().satisfies(r -> {
            assertThat(r.countries()).containsExactly("USA");
            assertThat(r.event().cameoCode()).isEqualTo("010");
            assertThat(r.links()).containsExactly(
                    "http://wtop.com/lifestyle/2016/07/deepest-darkest-secrets-now-display-national-postal-museum/");
        });
        assertThat(n.splitRejections).singleElement()
                .satisfies(r -> assertThat(r.rejection().detail()).contains("has 3 columns; expected 57 or 58"));
    }

    @Test
    void aBrokenRowIsRejectedAloneAndTheRestFlows() {
        String csv = """
                event_id_cnty,event_date,country,event_type,sub_event_type,location,notes,fatalities
                MLI1,2012-01-17,Mali,Battles,Armed clash,Menaka,Clash at Menaka,12
                MLI2,2012-01-18,Mali,Battles
                MLI3,2012-01-19,Atlantis,Battles,Armed clash,Nowhere,Clash,1
                ,2012-01-20,Mali,Battles,Armed clash,Gao,Clash,1
                MLI5,2012-01-21,Mali,Battles,Armed clash,Gao,Clash at Gao,-4
                MLI6,2012-01-22,Mali,Battles,Armed clash,Gao,Clash at Gao,3
                """;
        Normalising n = Normalising.of(EventTable.ACLED.split(csv), SourceKind.EVENT_DATA, "acled");

        assertThat(n.reports).extracting(Report::id).containsExactly("event-data:acled:MLI1", "event-data:acled:MLI6");
        assertThat(n.splitRejections).extracting(Split.Rejected::locator).containsExactly("line 3", "line 5");
        assertThat(n.splitRejections.get(0).rejection().detail()).contains("has 4 columns; expected 8");
        assertThat(n.rejections).extracting(Rejection::reason)
                .containsExactly(RejectReason.UNKNOWN_COUNTRY, RejectReason.INVALID_FIELD);
    }

    @Test
    void anUnclosedQuoteRejectsTheRestOfTheFileWithItsText() {
        String csv = "event_id_cnty,event_date,country\nMLI1,2012-01-17,Mali\nMLI2,\"2012-01-18,Mali\nMLI3,2012-01-19,Mali\n";
        List<Split> splits = EventTable.ACLED.split(csv);
        assertThat(splits).hasSize(2);
        assertThat(splits.get(1)).isInstanceOfSatisfying(Split.Rejected.class, r -> {
            assertThat(r.rejection().reason()).isEqualTo(RejectReason.MALFORMED);
            assertThat(r.payload()).contains("MLI3");
        });
    }

    @Test
    void countryNamesFromEverySource() {
        CountryNames names = CountryNames.standard();
        assertThat(names.alpha3("DR Congo (Zaire)")).contains("COD");
        assertThat(names.alpha3("Côte d'Ivoire")).contains("CIV");
        assertThat(names.alpha3("Cambodia (Kampuchea)")).contains("KHM");
        assertThat(names.alpha3("Bosnia And Herzegovina")).contains("BIH");
        assertThat(names.alpha3("Pays-Bas")).contains("NLD");
        assertThat(names.alpha3("Zuid-Soedan")).contains("SSD");
        assertThat(names.alpha3("Guinea-Bissau")).contains("GNB");
        assertThat(names.allAlpha3("Israel/Palestine")).containsExactly("ISR", "PSE");
        assertThat(names.allAlpha3("India-Pakistan (Kashmir)")).containsExactly("IND", "PAK");
        assertThat(names.allAlpha3("China-U.S.")).containsExactly("CHN", "USA");
        assertThat(names.allAlpha3("South China Sea")).isEmpty();
        assertThat(names.alpha3("Atlantis")).isEmpty();
        assertThat(names.alpha3OfPlace("Hanoi, Ha Noi, Vietnam, Republic Of")).contains("VNM");
        assertThat(names.alpha3OfPlace("Nassau, New Providence, Bahamas, The")).contains("BHS");
        assertThat(names.alpha3OfPlace("Kinshasa, Congo, The Democratic Republic Of The")).contains("COD");
        assertThat(names.alpha3OfPlace("Georgia, United States")).contains("USA");
    }

    @Test
    void officialNamesAndPortugueseAndSpanishNamesFromTheGeneratedList() {
        CountryNames names = CountryNames.standard();
        assertThat(names.alpha3("Moçambique")).contains("MOZ");
        assertThat(names.alpha3("Afganistán")).contains("AFG");
        assertThat(names.alpha3("República Centro-Africana")).contains("CAF");
        assertThat(names.alpha3("Federal Democratic Republic of Ethiopia")).contains("ETH");
        assertThat(names.alpha3("Cabo Verde")).contains("CPV");
        assertThat(names.alpha3("State of Palestine")).contains("PSE");
        assertThat(names.alpha3("República de Kosovo")).as("Kosovo is XKX, whatever the source writes").contains("XKX");
        assertThat(names.alpha3("Congo")).as("a curated alias wins over the generated list").contains("COG");
        assertThat(names.names()).as("Arabic names have no key here, but are kept for text")
                .containsEntry("جمهورية الكونغو الديمقراطية", "COD").containsEntry("Moçambique", "MOZ");
    }
}

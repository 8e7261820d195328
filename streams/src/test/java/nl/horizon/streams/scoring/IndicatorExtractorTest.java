package nl.horizon.streams.scoring;

import nl.horizon.schema.Classification;
import nl.horizon.schema.EventFields;
import nl.horizon.schema.Observation;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;
import nl.horizon.streams.RepoConfig;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorExtractorTest {

    private final Taxonomy taxonomy = RepoConfig.model().taxonomy();
    private final IndicatorExtractor extractor = new IndicatorExtractor(taxonomy);

    static Report prose(String language, String title, String body, String... countries) {
        return new Report("post:x:" + title.hashCode(), SourceKind.POST, "x", List.of(countries), language,
                Instant.parse("2012-01-17T00:00:00Z"), title, body, Classification.PUBLIC, null, List.of(), null, null);
    }

    static Report event(String type, String subType, Integer fatalities, String cameo, String... countries) {
        return new Report("event-data:x:" + type + fatalities, SourceKind.EVENT_DATA, "x", List.of(countries), "en",
                Instant.parse("2012-01-17T00:00:00Z"), type, "", Classification.PUBLIC,
                new EventFields(type, subType, fatalities, cameo, null), List.of(), null, null);
    }

    private List<String> indicators(Report report) {
        return extractor.extract(report).stream().map(Observation::indicator).distinct().toList();
    }

    @Test
    void aCapAlertCountsByItsTextUntilItsSenderCancelsIt() {
        Report alert = prose("en", "Clashes near Kidal", "Armed groups clashed with the army.", "MLI");
        nl.horizon.schema.AlertFields fields = new nl.horizon.schema.AlertFields("ew.example.org", "A-1",
                alert.publishedAt(), nl.horizon.schema.CapMessageType.ALERT, "Armed violence", List.of("Security"),
                "Immediate", "Severe", "Observed", null, "Kidal", List.of(), List.of());
        assertThat(indicators(alert.withAlert(fields))).contains("security.armed-clash");

        nl.horizon.schema.AlertFields cancel = new nl.horizon.schema.AlertFields("ew.example.org", "A-2",
                alert.publishedAt(), nl.horizon.schema.CapMessageType.CANCEL, "Armed violence", List.of("Security"),
                "Immediate", "Severe", "Observed", null, "Kidal", List.of(),
                List.of("ew.example.org,A-1,2012-01-17T00:00:00-00:00"));
        assertThat(extractor.extract(alert.withAlert(cancel))).isEmpty();
    }

    @Test
    void lexiconsInDutchEnglishAndFrench() {
        assertThat(indicators(prose("nl", "Gevechten bij Ménaka", "Het leger trok zich terug; duizenden ontheemden.",
                "MLI"))).containsExactly("security.armed-clash", "humanitarian.displacement",
                "governance.security-sector-weakness");
        assertThat(indicators(prose("fr", "Affrontements à Kidal", "Des milliers de déplacés.", "MLI")))
                .containsExactly("security.armed-clash", "humanitarian.displacement");
        assertThat(indicators(prose("en", "Military junta seized power", "Soldiers mutiny in the capital.", "MLI")))
                .containsExactly("political.coup");
        assertThat(indicators(prose(null, "Coup d'état à Bamako", "", "MLI"))).containsExactly("political.coup");
    }

    @Test
    void aLanguageWithoutItsOwnTermsIsReadInEveryLanguage() {
        // no lexicon is in German: every language's terms, a prefix term ("affrontement*") by the word it starts
        assertThat(indicators(prose("de", "Affrontements à Kidal", "Thousands displaced.", "MLI")))
                .containsExactly("security.armed-clash", "humanitarian.displacement");
        // Portuguese has armed-clash terms of its own, but none for corruption: there English counts too
        assertThat(indicators(prose("pt", "Confrontos em Kidal", "Clashes and embezzlement.", "MLI")))
                .containsExactly("security.armed-clash", "governance.corruption");
    }

    @Test
    void negatedOrHedgedTermsDoNotCountButTheNextSentenceDoes() {
        assertThat(indicators(prose("en", "Army denied killing civilians", "There were fears of renewed fighting.",
                "MLI"))).isEmpty();
        assertThat(indicators(prose("en", "Calm day", "No one was killed. Clashes erupted near Gao.", "MLI")))
                .containsExactly("security.armed-clash");
        // a semicolon or a line break ends the negation's sentence too; a full stop in a number does not
        assertThat(indicators(prose("en", "Calm day", "No one was killed; clashes erupted near Gao.", "MLI")))
                .containsExactly("security.armed-clash");
        assertThat(indicators(prose("en", "Calm day", "No one\nkilled", "MLI"))).containsExactly("security.fatalities");
        assertThat(indicators(prose("en", "Calm day", "No 3.5 killed", "MLI"))).isEmpty();
        assertThat(indicators(prose("pt", "Insurgentes mataram doze civis em Cabo Delgado", "", "MOZ")))
                .contains("security.fatalities", "security.armed-clash", "security.attack-on-civilians");
        assertThat(indicators(prose("en", "Earthquake hits the north", "", "NPL")))
                .containsExactly("environment.disaster");
    }

    @Test
    void codedEventsMapByTypeAndCountTheirDead() {
        List<Observation> battle = extractor.extract(event("Battles", "Armed clash", 12, null, "MLI"));
        assertThat(battle).extracting(Observation::indicator, Observation::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("security.fatalities", 12.0),
                        org.assertj.core.groups.Tuple.tuple("security.armed-clash", 1.0));
        assertThat(indicators(event("one-sided", null, 3, null, "COD")))
                .containsExactly("security.fatalities", "security.attack-on-civilians");
        assertThat(indicators(event("19", "190", null, "190", "SYR"))).containsExactly("security.armed-clash");
        Report counted = new Report("event-data:gdelt:c", SourceKind.EVENT_DATA, "gdelt", List.of("YEM"), "en",
                Instant.parse("2014-12-31T00:00:00Z"), "CAMEO 190", "", Classification.PUBLIC,
                new EventFields("19", "190", null, "190", null, 42), List.of(), null, null);
        assertThat(extractor.extract(counted)).singleElement().satisfies(o -> assertThat(o.value()).isEqualTo(42));
        assertThat(indicators(event("crisiswatch:deteriorated", "conflict_risk", null, null, "ETH")))
                .containsExactly("crisiswatch.deteriorated", "crisiswatch.conflict-risk");
    }

    @Test
    void aCodedEventsNotesTellOnlyWhatNoCodeCanSay() {
        Report acled = new Report("event-data:acled:x", SourceKind.EVENT_DATA, "acled", List.of("SVK"), "en",
                Instant.parse("2022-05-19T00:00:00Z"), "Strategic developments",
                "About 2800 refugees from Ukraine arrived; fighters clashed near the border.", Classification.PUBLIC,
                new EventFields("Strategic developments", "Other", 0, null, null), List.of(), null, null);
        assertThat(indicators(acled)).containsExactly("humanitarian.displacement");
    }

    private static Report marked(String type, String subType, String notes, List<String> marks, String country) {
        return new Report("event-data:acled:" + type + marks, SourceKind.EVENT_DATA, "acled", List.of(country), "en",
                Instant.parse("2022-05-19T00:00:00Z"), type, notes, Classification.PUBLIC,
                new EventFields(type, subType, 0, null, null, null, marks), List.of(), null, null);
    }

    /** What ACLED's actor fields say beyond the type (docs/formats.md, "ACLED marks"), counted like a type. */
    @Test
    void aCodedEventsMarksCountLikeItsTypeAndExceptionsTakeItOut() {
        assertThat(indicators(marked("Explosions/Remote violence", "Remote explosive/landmine/IED", "",
                List.of("Civilian targeting"), "AFG"))).containsExactly("security.attack-on-civilians", "security.explosions");
        assertThat(indicators(marked("Explosions/Remote violence", "Shelling/artillery/missile attack", "",
                List.of("Armed target"), "YEM"))).containsExactly("security.armed-clash", "security.explosions");
        assertThat(indicators(marked("Explosions/Remote violence", "Air/drone strike", "",
                List.of("Armed target", "Foreign forces"), "IRQ")))
                .containsExactly("security.armed-clash", "security.explosions", "external.spill-over");
        assertThat(indicators(marked("Violence against civilians", "Attack", "", List.of("Civilian targeting",
                "Communal violence"), "SSD"))).containsExactly("security.attack-on-civilians", "social.communal-tension");
        assertThat(indicators(marked("Strategic developments", "Arrests", "", List.of("Foreign civilians"), "MEX")))
                .as("migrants detained: border control, not repression").isEmpty();
        assertThat(indicators(marked("Strategic developments", "Arrests", "", List.of(), "ZWE")))
                .containsExactly("political.repression");
        assertThat(indicators(marked("Strategic developments", "Non-violent transfer of territory", "", List.of(), "SOM")))
                .containsExactly("political.state-authority-loss");
    }

    /** A mark only adds: without it, an indicator no type expresses is still read from the notes. */
    @Test
    void anAbsentMarkLeavesTheNotesToSpeak() {
        assertThat(indicators(marked("Explosions/Remote violence", "Shelling/artillery/missile attack",
                "Shells fired across the border hit a village.", List.of(), "LBN")))
                .containsExactly("security.explosions", "external.spill-over");
    }

    @Test
    void aForeignStatesShipsInTerritorialWatersAreSpillOver() {
        assertThat(indicators(prose("en", "Chinese coast guard vessels entered Japan's territorial waters", "", "JPN")))
                .containsExactly("external.spill-over");
        assertThat(indicators(prose("fr", "Des navires chinois dans les eaux territoriales japonaises", "", "JPN")))
                .containsExactly("external.spill-over");
    }

    @Test
    void deathsToldBesideADisasterAreTheDisasters() {
        assertThat(indicators(prose("en", "Floods left 12 dead in the north", "", "NGA")))
                .containsExactly("environment.disaster");
        assertThat(indicators(prose("fr", "Inondations à Kinshasa, le bilan monte à 30 morts", "", "COD")))
                .containsExactly("environment.disaster");
        assertThat(indicators(prose("en", "Gunmen killed 12 villagers", "Floods hit the north.", "NGA")))
                .contains("security.fatalities", "environment.disaster");
    }

    @Test
    void aCoupInTheBackgroundOrAnAccusationOfOneIsNoCoup() {
        assertThat(indicators(prose("en", "Demonstrators marched in Rabak", "They were denouncing the military coup.",
                "SDN"))).containsExactly("political.protest");
        assertThat(indicators(prose("en", "Legal action against opposition figures in the wake of the December 2025 coup attempt",
                "", "BEN"))).doesNotContain("political.coup");
        assertThat(indicators(prose("en", "A bill extends the president's term, sparking accusations of constitutional coup",
                "", "ZWE"))).isEmpty();
        assertThat(indicators(prose("en", "Soldiers seized power in a coup", "", "BFA"))).containsExactly("political.coup");
    }

    @Test
    void oneSidesClaimHedgesButAClaimOfResponsibilityDoesNot() {
        assertThat(indicators(prose("en", "Rebels claimed they captured the town", "", "ETH"))).isEmpty();
        assertThat(indicators(prose("en", "JNIM claimed responsibility for the attack", "", "MLI")))
                .containsExactly("security.armed-clash");
    }

    @Test
    void violenceAgainstCandidatesAndPollWorkersIsElectoral() {
        assertThat(indicators(prose("en", "Gunmen shot dead a parliamentary candidate in Kano", "", "NGA")))
                .contains("political.election-crisis", "security.fatalities");
        assertThat(indicators(prose("en", "Two poll workers were killed in Cauca", "", "COL")))
                .contains("political.election-crisis");
        assertThat(indicators(prose("es", "Asesinan a candidato a la alcaldía en Tuluá", "", "COL")))
                .contains("political.election-crisis");
        assertThat(indicators(prose("en", "The candidate held a rally", "", "NGA"))).doesNotContain("political.election-crisis");
    }

    @Test
    void howConflictNewsIsWrittenInThreeLanguages() {
        assertThat(indicators(prose("en", "Gunmen kill 12 villagers", "The death toll rose to 14; hundreds fled to Gao.",
                "MLI"))).contains("security.attack-on-civilians", "security.fatalities", "humanitarian.displacement");
        assertThat(indicators(prose("en", "Police fired tear gas and arrested 40 protesters", "", "KEN")))
                .contains("political.repression");
        assertThat(indicators(prose("en", "President postponed the legislative and municipal elections", "", "CMR")))
                .containsExactly("political.election-crisis");
        assertThat(indicators(prose("fr", "Un chef de village abattu par des hommes armés", "Des centaines de familles ont fui.",
                "CAF"))).contains("security.fatalities", "security.attack-on-civilians", "humanitarian.displacement");
        assertThat(indicators(prose("fr", "La police a dispersé les manifestants", "", "SEN")))
                .contains("political.repression");
        assertThat(indicators(prose("nl", "Gewapende mannen ontvoerd 30 scholieren", "Drie mensen kwamen om het leven.",
                "NGA"))).contains("security.attack-on-civilians", "security.fatalities");
        assertThat(indicators(prose("nl", "Politie heeft de demonstranten uiteengedreven", "", "SRB")))
                .contains("political.repression");
    }

    @Test
    void disastersAsNewsNamesThem() {
        assertThat(indicators(prose("en", "Torrential rains and a tropical storm hit the coast", "", "PHL")))
                .containsExactly("environment.disaster");
        assertThat(indicators(prose("fr", "Pluies diluviennes et crues à Kinshasa", "", "COD")))
                .containsExactly("environment.disaster");
        assertThat(indicators(prose("nl", "Noodweer en wateroverlast in het zuiden", "", "BEL")))
                .containsExactly("environment.disaster");
    }

    @Test
    void aTermInsideAnIdiomDoesNotCount() {
        assertThat(indicators(prose("en", "Oxygen for nurses fighting the virus", "", "UKR"))).isEmpty();
        assertThat(indicators(prose("en", "Anti-coup protesters marched", "", "SDN"))).containsExactly("political.protest");
        assertThat(indicators(prose("fr", "Une crise cardiaque", "Combattre la pandémie.", "SEN"))).isEmpty();
        assertThat(indicators(prose("nl", "De strijd tegen het virus", "", "NLD"))).isEmpty();
        assertThat(indicators(prose("en", "Fighting the virus, and fighting near Gao", "", "MLI")))
                .containsExactly("security.armed-clash");
    }

    @Test
    void crisisWatchImprovementsAndResolutionOpportunitiesAreDeEscalation() {
        assertThat(indicators(event("crisiswatch:improved", "resolution_opportunity", null, null, "ESH")))
                .containsExactly("crisiswatch.improved", "crisiswatch.resolution-opportunity");
        assertThat(List.of("crisiswatch.improved", "crisiswatch.resolution-opportunity", "political.peace-progress"))
                .allSatisfy(id -> assertThat(taxonomy.indicator(id).orElseThrow().deEscalating()).as(id).isTrue());
        assertThat(taxonomy.indicator("crisiswatch.deteriorated").orElseThrow().deEscalating()).isFalse();
    }

    @Test
    void clearDeEscalationInProseUnlessNegatedOrHedged() {
        assertThat(indicators(prose("en", "Government and rebels signed a peace agreement", "", "COL")))
                .containsExactly("political.peace-progress");
        assertThat(indicators(prose("en", "Ceasefire holding in Tigray", "Talks resumed in Pretoria.", "ETH")))
                .containsExactly("political.peace-progress");
        assertThat(indicators(prose("fr", "Reprise des pourparlers à Doha", "Des prisonniers libérés.", "TCD")))
                .containsExactly("political.peace-progress");
        assertThat(indicators(prose("nl", "Wapenstilstand houdt stand", "De gesprekken hervat in Genève.", "UKR")))
                .containsExactly("political.peace-progress");
        assertThat(indicators(prose("en", "No ceasefire agreed", "Talks could resume next week.", "SDN")))
                .as("a denial or a hope is not de-escalation").isEmpty();
        assertThat(indicators(prose("fr", "Pas de cessez-le-feu conclu", "", "SDN"))).isEmpty();
        assertThat(indicators(prose("nl", "Geen wapenstilstand gesloten", "", "SDN"))).isEmpty();
    }

    /** The real edition (../shared/data), split and parsed by the product's formats. */
    @Test
    void theRealCrisisWatchEditionGivesDeEscalationForItsImprovedAndResolutionEntries() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("horizon.root", ".."))
                .resolve("../shared/data/crisiswatch/crisiswatch_2026-02_edition__pythia.json").normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(file), "no edition at " + file);
        nl.horizon.formats.ItemFormats formats = nl.horizon.formats.ItemFormats.standard(
                nl.horizon.schema.Markings.standard());
        java.util.Map<String, List<String>> deEscalation = new java.util.TreeMap<>();
        for (nl.horizon.formats.Split split : nl.horizon.formats.CrisisWatchEdition.split(
                java.nio.file.Files.readString(file))) {
            if (split instanceof nl.horizon.formats.Split.Item item) {
                Report report = formats.toReport(nl.horizon.schema.RawItem.of(item.item().itemId(),
                        SourceKind.CRISIS_WATCH, "crisisgroup", item.item().format(),
                        Instant.parse("2026-03-02T00:00:00Z"), Classification.PUBLIC, item.item().payload()));
                for (Observation o : extractor.extract(report)) {
                    if (taxonomy.indicator(o.indicator()).orElseThrow().deEscalating()) {
                        deEscalation.computeIfAbsent(o.country(), c -> new java.util.ArrayList<>()).add(o.indicator());
                    }
                }
            }
        }
        assertThat(deEscalation).as("Bangladesh improved; Western Sahara a resolution opportunity; nothing else")
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("BGD", List.of("crisiswatch.improved"),
                        "ESH", List.of("crisiswatch.resolution-opportunity")));
    }

    @Test
    void oneObservationPerCountryAndNoneWithoutCountry() {
        assertThat(extractor.extract(prose("en", "Refugees cross the border", "", "SDN", "TCD")))
                .extracting(Observation::country).containsExactly("SDN", "TCD");
        assertThat(extractor.extract(prose("en", "Refugees cross the border", ""))).isEmpty();
    }

    @Test
    void theSameStoryFromTwoFeedsHasOneStoryKey() {
        Report a = prose("en", "Clashes in Kidal!", "one wording", "MLI");
        Report b = new Report("news-feed:other:9", SourceKind.NEWS_FEED, "other", a.countries(), "en", a.publishedAt(),
                "clashes in KIDAL", "another wording", Classification.PUBLIC, null, List.of(), null, null);
        assertThat(IndicatorExtractor.storyOf(a)).isEqualTo(IndicatorExtractor.storyOf(b));
    }
}

package nl.horizon.index;

import nl.horizon.schema.Classification;
import nl.horizon.schema.Contribution;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.Detection;
import nl.horizon.schema.Lifecycle;
import nl.horizon.schema.Report;
import nl.horizon.schema.Revision;
import nl.horizon.schema.RiskLevel;
import nl.horizon.schema.Signal;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Trend;
import nl.horizon.schema.TriageDecision;
import nl.horizon.schema.TriageOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Language analysis, filters, facets, highlights and clearance, on a real index on disk. */
class SearchFeaturesTest {

    @TempDir
    Path dir;
    private HorizonIndex index;

    static Report report(String id, String language, String title, String body, Classification classification,
                         String published, SourceKind kind, String... countries) {
        return new Report(id, kind, "src", List.of(countries), language, Instant.parse(published), title, body,
                classification, null, List.of(), null, null);
    }

    @BeforeEach
    void fill() throws Exception {
        index = HorizonIndex.open(dir);
        index.upsert(report("nl-1", "nl", "Vluchtelingenkamp overvol", "Het vluchtelingenkamp bij Gao is overvol.",
                Classification.PUBLIC, "2012-02-01T00:00:00Z", SourceKind.POST, "MLI"));
        index.upsert(report("fr-1", "fr", "Attaque à Kidal", "L'armée s'est retirée de Kidal après l'attaque.",
                Classification.PUBLIC, "2012-01-20T00:00:00Z", SourceKind.NEWS_FEED, "MLI"));
        index.upsert(report("en-1", "en", "Fighting near Menaka", "Rebels were fighting the army <script>x</script>.",
                Classification.PUBLIC, "2012-01-17T00:00:00Z", SourceKind.EVENT_DATA, "MLI"));
        index.upsert(report("en-secret", "en", "Fighting near Menaka: source report", "Sources expect more fighting.",
                Classification.SECRET, "2012-01-18T00:00:00Z", SourceKind.POST, "MLI", "NER"));
        index.upsert(report("en-2", "en", "Protests in Niamey", "Thousands protested.",
                Classification.PUBLIC, "2013-05-01T00:00:00Z", SourceKind.NEWS_FEED, "NER"));
        index.upsert(new Signal("MLI:public:2012-01-31:new", "MLI", LocalDate.of(2012, 1, 31), Lifecycle.NEW,
                RiskLevel.WARNING, 62, 62, new Detection("d", "1", "security.fatalities", 144, 2, 9, 50),
                List.of("en-1"), Set.of(SourceKind.EVENT_DATA), Classification.PUBLIC,
                new Revision(1, LocalDate.of(2012, 2, 2), false)));
        for (int day = 1; day <= 3; day++) {
            index.upsert(new CountryRisk("MLI", LocalDate.of(2012, 1, 28).plusDays(day), 20.0 * day,
                    RiskLevel.WATCH, Trend.RISING, List.of(new Contribution("security.fatalities", 5, 0.9, 20.0 * day)),
                    null, Classification.PUBLIC, new Revision(1, LocalDate.of(2012, 2, 2), false)));
        }
        index.upsert(new CountryRisk("MLI", LocalDate.of(2012, 2, 1), 90, RiskLevel.WARNING, Trend.RISING, List.of(),
                null, Classification.SECRET, new Revision(1, LocalDate.of(2012, 2, 3), false)));
        index.refresh();
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private SearchResult find(String q, Classification clearance) throws Exception {
        return index.search().find(SearchRequest.of(q, clearance, 0, 10));
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchResult.Hit::id).toList();
    }

    @Test
    void dutchCompoundsAndStems() throws Exception {
        assertThat(ids(find("kamp", Classification.PUBLIC))).containsExactly("nl-1");
        assertThat(ids(find("vluchtelingen", Classification.PUBLIC))).containsExactly("nl-1");
    }

    @Test
    void frenchElisionAndStems() throws Exception {
        assertThat(ids(find("armée", Classification.PUBLIC))).containsExactly("fr-1");
        assertThat(ids(find("attaques", Classification.PUBLIC))).containsExactly("fr-1");
    }

    @Test
    void englishStemsAndTheNeutralFieldFoldsAccents() throws Exception {
        assertThat(ids(find("fights", Classification.PUBLIC))).containsExactly("en-1");
        assertThat(ids(find("armee", Classification.PUBLIC))).containsExactly("fr-1");
    }

    @Test
    void facetsCountOnlyWhatTheCallerMaySee() throws Exception {
        SearchResult open = find("fighting", Classification.PUBLIC);
        assertThat(open.total()).isEqualTo(1);
        assertThat(open.facets().get("country")).containsExactly(Map.entry("MLI", 1));
        assertThat(open.facets().get("classification")).containsOnlyKeys("public");

        SearchResult cleared = find("fighting", Classification.SECRET);
        assertThat(cleared.total()).isEqualTo(2);
        assertThat(cleared.facets().get("country")).containsEntry("MLI", 2).containsEntry("NER", 1);
        assertThat(cleared.facets().get("source_kind")).containsEntry("post", 1).containsEntry("event-data", 1);
    }

    @Test
    void highlightsAreEscapedAndNeverShowAHiddenDocument() throws Exception {
        SearchResult result = find("fighting", Classification.PUBLIC);
        assertThat(result.hits().get(0).highlights()).isNotEmpty().allSatisfy(h -> {
            assertThat(h).contains("<mark>").doesNotContain("<script>");
            assertThat(h).doesNotContain("Sources expect");
        });
        assertThat(String.join(" ", result.hits().get(0).highlights())).contains("&lt;script&gt;");
    }

    @Test
    void eachPassageIsHighlightedOnceThoughTitleAndLanguageFieldsHoldItToo() throws Exception {
        List<String> highlights = find("fighting", Classification.PUBLIC).hits().get(0).highlights();
        assertThat(highlights).doesNotHaveDuplicates();
        assertThat(String.join(" ", highlights).split("<mark>", -1)).as("each occurrence marked once").hasSize(3);

        List<String> stemmed = find("fights", Classification.PUBLIC).hits().get(0).highlights();
        assertThat(String.join(" ", stemmed)).as("a match through the English stemmer is marked in the text")
                .contains("<mark>fighting</mark>");
        assertThat(stemmed).doesNotHaveDuplicates();
    }

    @Test
    void countryInQueryTextIsReadInAnyCase() throws Exception {
        for (String query : List.of("fighting AND country:MLI", "fighting AND country:mli", "country:Mli AND fighting")) {
            assertThat(ids(find(query, Classification.PUBLIC))).as(query).containsExactly("en-1");
        }
        assertThat(ids(find("country:ner", Classification.PUBLIC))).containsExactly("en-2");
        assertThat(ids(find("country:ne*", Classification.PUBLIC))).as("a prefix is upper-cased too")
                .containsExactly("en-2");
    }

    @Test
    void filtersByKindCountrySourceTimeAndSortsByTime() throws Exception {
        SearchRequest newestReportsInMali = new SearchRequest("", Visibility.of(Classification.PUBLIC), Set.of("report"),
                Set.of("MLI"), Set.of(), Set.of(), Set.of(), Instant.parse("2012-01-18T00:00:00Z"), null, true, 0, 10);
        assertThat(ids(index.search().find(newestReportsInMali))).containsExactly("nl-1", "fr-1");

        SearchRequest newsOnly = new SearchRequest("", Visibility.of(Classification.SECRET), Set.of(), Set.of(),
                Set.of("news-feed"), Set.of(), Set.of(), null, null, true, 0, 10);
        assertThat(ids(index.search().find(newsOnly))).containsExactly("en-2", "fr-1");

        SearchRequest warnings = new SearchRequest("", Visibility.of(Classification.PUBLIC), Set.of("signal"), Set.of(), Set.of(),
                Set.of("warning"), Set.of("security.fatalities"), null, null, false, 0, 10);
        assertThat(ids(index.search().find(warnings))).containsExactly("MLI:public:2012-01-31:new");
    }

    @Test
    void riskHistoryShowsTheHighestTierTheCallerIsClearedFor() throws Exception {
        assertThat(index.search().riskHistory("MLI", Classification.PUBLIC, 100))
                .extracting(CountryRisk::score).containsExactly(20.0, 40.0, 60.0);
        assertThat(index.search().riskHistory("MLI", Classification.SECRET, 100))
                .extracting(CountryRisk::score).containsExactly(90.0);
        assertThat(index.search().signals("MLI", Classification.PUBLIC, 10)).hasSize(1);
        assertThat(index.search().report("en-secret", Visibility.of(Classification.PUBLIC))).isEmpty();
        assertThat(index.search().report("en-secret", Visibility.of(Classification.SECRET))).isPresent();
    }

    @Test
    void aRevisedRiskPointReplacesItsDayAndATombstoneRemovesIt() throws Exception {
        index.upsert(new CountryRisk("MLI", LocalDate.of(2012, 1, 30), 35, RiskLevel.WATCH, Trend.RISING, List.of(),
                null, Classification.PUBLIC, new Revision(2, LocalDate.of(2012, 3, 1), true)));
        index.removeRisk(CountryRisk.key("MLI", Classification.PUBLIC, LocalDate.of(2012, 1, 31)));
        index.refresh();
        assertThat(index.search().riskHistory("MLI", Classification.PUBLIC, 100))
                .extracting(CountryRisk::score).containsExactly(20.0, 35.0);
    }

    @Test
    void batchReadsGiveEveryCountryInItsTierWithWhereItStoodBeforeThePeriod() throws Exception {
        index.upsert(new CountryRisk("NER", LocalDate.of(2012, 1, 10), 35, RiskLevel.WATCH, Trend.RISING, List.of(),
                null, Classification.PUBLIC, new Revision(1, LocalDate.of(2012, 1, 10), false)));
        index.refresh();

        var asPublic = index.search().riskHistories(Classification.PUBLIC, LocalDate.of(2012, 1, 30));
        assertThat(asPublic).containsOnlyKeys("MLI", "NER");
        assertThat(asPublic.get("MLI")).as("the point before the period, then those in it").extracting(CountryRisk::score)
                .containsExactly(20.0, 40.0, 60.0);
        assertThat(asPublic.get("NER")).as("nothing changed in the period: where it stood").extracting(CountryRisk::day)
                .containsExactly(LocalDate.of(2012, 1, 10));
        var asSecret = index.search().riskHistories(Classification.SECRET, LocalDate.of(2012, 1, 30));
        assertThat(asSecret.get("MLI")).as("the highest tier cleared for").extracting(CountryRisk::score)
                .containsExactly(90.0);
        assertThat(asSecret.get("NER")).as("no secret history: the public one").hasSize(1);
        assertThat(index.search().riskHistories(Classification.PUBLIC, null).get("MLI")).hasSize(3);
        assertThat(index.search().latestScoredDay(Classification.PUBLIC)).contains(LocalDate.of(2012, 1, 31));
        assertThat(index.search().latestScoredDay(Classification.SECRET)).contains(LocalDate.of(2012, 2, 1));

        assertThat(index.search().signals(Classification.PUBLIC, LocalDate.of(2012, 1, 31), LocalDate.of(2012, 1, 31)))
                .extracting(Signal::id).containsExactly("MLI:public:2012-01-31:new");
        assertThat(index.search().signals(Classification.PUBLIC, LocalDate.of(2012, 2, 1), null)).isEmpty();
        assertThat(index.search().reports(List.of("en-1", "en-secret", "missing", "fr-1"), Visibility.of(Classification.PUBLIC)))
                .as("in the order asked, only what the caller may see").extracting(Report::id).containsExactly("en-1", "fr-1");

        String signal = "MLI:public:2012-01-31:new";
        index.upsert(new TriageDecision("t2", signal, "MLI", TriageOutcome.DISMISSED, "a duplicate", "a",
                Instant.parse("2012-02-03T00:00:00Z"), Classification.PUBLIC));
        index.upsert(new TriageDecision("t1", signal, "MLI", TriageOutcome.ACKNOWLEDGED, null, "a",
                Instant.parse("2012-02-02T00:00:00Z"), Classification.PUBLIC));
        index.upsert(new TriageDecision("t3", "other", "NER", TriageOutcome.ESCALATED, null, "a",
                Instant.parse("2012-02-02T00:00:00Z"), Classification.SECRET));
        index.refresh();
        var decisions = index.search().decisions(List.of(signal, "other"), Classification.PUBLIC);
        assertThat(decisions).as("a secret decision is not the public reader's").containsOnlyKeys(signal);
        assertThat(decisions.get(signal)).as("oldest first").extracting(TriageDecision::id).containsExactly("t1", "t2");
    }
}

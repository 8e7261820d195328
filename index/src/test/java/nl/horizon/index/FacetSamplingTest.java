package nl.horizon.index;

import nl.horizon.schema.Classification;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Facet counts above {@link FacetSampling#EXACT_UP_TO} matches are estimated from a sample, below it exact,
 * on a real index on disk of 130,000 public reports (countries drawn unevenly, one of them rare) and 40,000
 * secret ones of a country no public report names. Filled once: the searches only read it, and the caveated
 * reports one test adds are seen by no other test's reader.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacetSamplingTest {

    private static final int PUBLIC = 130_000;
    private static final int SECRET = 40_000;
    private static final String[] COUNTRIES = {"MLI", "NER", "BFA", "TCD"};
    /** Shares of the countries among public reports: half, 30%, 17%, 3%. */
    private static final double[] SHARES = {0.5, 0.8, 0.97, 1};

    @TempDir
    static Path dir;
    private HorizonIndex index;
    private final Map<String, Integer> publicByCountry = new HashMap<>();

    @BeforeAll
    void fill() throws Exception {
        index = HorizonIndex.open(dir);
        Random random = new Random(7);
        for (int i = 0; i < PUBLIC; i++) {
            double draw = random.nextDouble();
            int c = 0;
            while (draw >= SHARES[c]) {
                c++;
            }
            publicByCountry.merge(COUNTRIES[c], 1, Integer::sum);
            index.upsert(report("p" + i, i % 2 == 0 ? "flood" : "drought", Classification.PUBLIC, COUNTRIES[c]));
        }
        for (int i = 0; i < SECRET; i++) {
            index.upsert(report("s" + i, "flood", Classification.SECRET, "SOM"));
        }
        index.commit(Map.of());
        index.refresh();
    }

    @AfterAll
    void close() throws Exception {
        index.close();
    }

    private static Report report(String id, String word, Classification classification, String country) {
        return new Report(id, SourceKind.POST, "src", List.of(country), "en", Instant.parse("2024-01-01T00:00:00Z"),
                word, null, classification, null, List.of(), null, null);
    }

    private SearchResult find(String q, Classification clearance) throws Exception {
        return index.search().find(SearchRequest.of(q, clearance, 0, 10));
    }

    @Test
    void belowTheThresholdEveryMatchIsCounted() throws Exception {
        SearchResult drought = find("drought", Classification.PUBLIC);

        assertThat(drought.total()).isEqualTo(PUBLIC / 2);
        assertThat(drought.facetsEstimated()).isFalse();
        assertThat(drought.facets().get("kind")).containsExactly(Map.entry("report", PUBLIC / 2));
        assertThat(drought.facets().get("country").values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(PUBLIC / 2);
    }

    @Test
    void aboveTheThresholdCountsAreEstimatedFromASampleAndScaledToTheMatches() throws Exception {
        SearchResult all = find("", Classification.PUBLIC);

        assertThat(all.total()).as("totals are never sampled").isEqualTo(PUBLIC);
        assertThat(all.facetsEstimated()).isTrue();
        assertThat(all.facets().get("kind").get("report")).isCloseTo(PUBLIC, within(PUBLIC / 100));
        Map<String, Integer> countries = all.facets().get("country");
        assertThat(countries).containsOnlyKeys(COUNTRIES);
        for (String country : COUNTRIES) {
            int exact = publicByCountry.get(country);
            assertThat(countries.get(country)).as(country).isCloseTo(exact, within((int) (0.15 * exact)));
        }
        assertThat(countries.get("MLI")).as("the largest within 3%")
                .isCloseTo(publicByCountry.get("MLI"), within(PUBLIC / 2 * 3 / 100));
    }

    @Test
    void theSameSearchOnTheSameIndexAnswersTheSameEstimatesAfterAReopen() throws Exception {
        SearchResult first = find("", Classification.PUBLIC);
        SearchResult again = find("", Classification.PUBLIC);
        index.close();
        index = HorizonIndex.open(dir);
        SearchResult reopened = find("", Classification.PUBLIC);

        assertThat(again.facets()).isEqualTo(first.facets());
        assertThat(reopened.facets()).isEqualTo(first.facets());
    }

    @Test
    void aSampleIsDrawnOnlyFromWhatTheReaderMaySee() throws Exception {
        SearchResult open = find("flood", Classification.PUBLIC);
        SearchResult cleared = find("flood", Classification.SECRET);

        assertThat(open.total()).isEqualTo(PUBLIC / 2);
        assertThat(open.facetsEstimated()).isFalse();
        assertThat(open.facets().get("country")).doesNotContainKey("SOM");
        assertThat(cleared.total()).isEqualTo(PUBLIC / 2 + SECRET);
        assertThat(cleared.facetsEstimated()).isTrue();
        assertThat(cleared.facets().get("country").get("SOM")).isCloseTo(SECRET, within((int) (0.1 * SECRET)));
        assertThat(cleared.facets().get("classification")).containsOnlyKeys("public", "secret");

        SearchResult everything = find("", Classification.PUBLIC);
        assertThat(everything.facetsEstimated()).isTrue();
        assertThat(everything.facets().get("country")).doesNotContainKey("SOM");
        assertThat(everything.facets().get("classification")).containsOnlyKeys("public");
    }

    @Test
    void aReaderWithoutTheCaveatsOfCaveatedReportsGetsNoneOfThemInItsSample() throws Exception {
        for (int i = 0; i < 1000; i++) {
            index.upsert(new Report("c" + i, SourceKind.POST, "src", List.of("YEM"), "en",
                    Instant.parse("2024-01-01T00:00:00Z"), "flood", null, Classification.PUBLIC, null, List.of(),
                    null, null, List.of("NOFORN"), null));
        }
        index.commit(Map.of());
        index.refresh();

        SearchResult without = index.search().find(new SearchRequest("", Visibility.of(Classification.PUBLIC),
                Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, false, 0, 10));
        SearchResult holding = index.search().find(new SearchRequest("", new Visibility(Classification.PUBLIC,
                Set.of("NOFORN")), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, false, 0, 10));

        assertThat(without.facetsEstimated()).isTrue();
        assertThat(without.facets().get("country")).doesNotContainKey("YEM");
        assertThat(holding.facets().get("country")).containsKey("YEM");
    }
}

package nl.horizon.index;

import nl.horizon.schema.Classification;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Topics;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** On a real index on disk. */
class HorizonIndexTest {

    private static final TopicPartition P0 = new TopicPartition(Topics.REPORTS, 0);
    private static final TopicPartition P1 = new TopicPartition(Topics.REPORTS, 1);

    @TempDir
    Path dir;

    static Report report(String id, String title, Classification classification) {
        return new Report(id, SourceKind.POST, "bamako", List.of("MLI"), "en",
                Instant.parse("2012-01-17T00:00:00Z"), title, "Fighting near Menaka; the army withdrew.",
                classification, null, List.of(), Instant.parse("2012-01-17T08:00:00Z"), null);
    }

    @Test
    void offsetsAreCommittedWithTheDocumentsAndSurviveAReopen() throws Exception {
        try (HorizonIndex index = HorizonIndex.open(dir)) {
            assertThat(index.committedOffsets()).isEmpty();
            index.upsert(report("r1", "Attack on Menaka", Classification.PUBLIC));
            index.commit(Map.of(P0, 5L));
            index.upsert(report("r2", "Attack on Tessalit", Classification.PUBLIC));
            index.commit(Map.of(P1, 3L));
            index.upsert(report("r3", "never committed", Classification.PUBLIC));
        }
        try (HorizonIndex index = HorizonIndex.open(dir)) {
            index.refresh();
            assertThat(index.committedOffsets()).containsExactlyInAnyOrderEntriesOf(Map.of(P0, 5L, P1, 3L));
            assertThat(index.search().find(SearchRequest.of("", Classification.SECRET, 0, 10)).total()).isEqualTo(2);
        }
    }

    @Test
    void aReportIndexedTwiceIsOneDocument() throws Exception {
        try (HorizonIndex index = HorizonIndex.open(dir)) {
            index.upsert(report("r1", "Attack on Menaka", Classification.PUBLIC));
            index.upsert(report("r1", "Attack on Menaka", Classification.PUBLIC));
            index.refresh();
            assertThat(index.search().find(SearchRequest.of("menaka", Classification.PUBLIC, 0, 10)).total()).isEqualTo(1);
        }
    }

    /**
     * A corrected source item (an Atom entry republished with a newer {@code updated}, a CAP Update) comes
     * back as the same report id with new text: the new version replaces the old, whose words no longer find it.
     */
    @Test
    void aNewVersionOfAReportSupersedesTheOldOne() throws Exception {
        try (HorizonIndex index = HorizonIndex.open(dir)) {
            index.upsert(report("r1", "12 civilians killed in Menaka", Classification.PUBLIC));
            index.refresh();
            assertThat(index.search().find(SearchRequest.of("12", Classification.PUBLIC, 0, 10)).total()).isEqualTo(1);
            index.upsert(report("r1", "14 civilians killed in Menaka, toll revised", Classification.PUBLIC));
            index.refresh();
            assertThat(index.search().find(SearchRequest.of("menaka", Classification.PUBLIC, 0, 10)).total()).isEqualTo(1);
            assertThat(index.search().find(SearchRequest.of("revised", Classification.PUBLIC, 0, 10)).total()).isEqualTo(1);
            assertThat(index.search().find(SearchRequest.of("12", Classification.PUBLIC, 0, 10)).total())
                    .as("the superseded version's words").isZero();
        }
    }

    @Test
    void theCallersClearanceFiltersInsideTheQuery() throws Exception {
        try (HorizonIndex index = HorizonIndex.open(dir)) {
            index.upsert(report("open", "Attack on Menaka", Classification.PUBLIC));
            index.upsert(report("cable", "Attack on Menaka, post assessment", Classification.DEPARTMENTAL_CONFIDENTIAL));
            index.upsert(report("secret", "Attack on Menaka, source reporting", Classification.SECRET));
            index.refresh();

            SearchResult asPublic = index.search().find(SearchRequest.of("menaka", Classification.PUBLIC, 0, 10));
            assertThat(asPublic.total()).isEqualTo(1);
            assertThat(asPublic.hits()).extracting(h -> h.id()).containsExactly("open");
            assertThat(index.search().find(SearchRequest.of("menaka", Classification.DEPARTMENTAL_CONFIDENTIAL, 0, 10)).total())
                    .isEqualTo(2);
            assertThat(index.search().find(SearchRequest.of("source", Classification.PUBLIC, 0, 10)).total()).isZero();
            assertThat(index.search().find(SearchRequest.of("menaka", Classification.SECRET, 0, 10)).hits()).hasSize(3);
        }
    }

    /**
     * A caveated report is seen only by readers holding all its caveats, whatever their clearance, and
     * counts in no other reader's statistics.
     */
    @Test
    void aCaveatedReportIsSeenOnlyByHoldersOfAllItsCaveats() throws Exception {
        Visibility topSecret = Visibility.of(Classification.TOP_SECRET);
        Visibility nodis = new Visibility(Classification.CONFIDENTIAL, Set.of("NODIS"));
        Visibility nodisAndMore = new Visibility(Classification.SECRET, Set.of("NODIS", "NOFORN", "EXDIS"));
        try (HorizonIndex index = HorizonIndex.open(dir)) {
            Report plain = report("cable", "Attack on Menaka", Classification.CONFIDENTIAL);
            index.upsert(plain);
            index.refresh();
            float before = onlyHit(index, "menaka", Classification.TOP_SECRET).score();
            index.upsert(caveated("nodis", Classification.CONFIDENTIAL, "NODIS"));
            index.upsert(caveated("both", Classification.PUBLIC, "NODIS", "NOFORN"));
            index.refresh();

            SearchResult asTopSecret = index.search().find(SearchRequest.of("menaka", Classification.TOP_SECRET, 0, 10));
            assertThat(asTopSecret.total()).as("not counted either").isEqualTo(1);
            assertThat(asTopSecret.hits()).extracting(h -> h.id()).containsExactly("cable");
            assertThat(asTopSecret.hits().getFirst().score()).as("nor in the statistics").isEqualTo(before);
            assertThat(index.search().find(SearchRequest.of("minister", Classification.TOP_SECRET, 0, 10)).total())
                    .isZero();
            assertThat(index.search().report("nodis", topSecret)).isEmpty();

            assertThat(ids(index.search().find(request("menaka", nodis)))).containsExactlyInAnyOrder("cable", "nodis");
            assertThat(index.search().report("nodis", nodis)).isPresent();
            assertThat(index.search().report("both", nodis)).as("NOFORN not held").isEmpty();
            assertThat(ids(index.search().find(request("menaka", nodisAndMore))))
                    .containsExactlyInAnyOrder("cable", "nodis", "both");
            assertThat(index.search().report("nodis", new Visibility(Classification.DEPARTMENTAL_CONFIDENTIAL,
                    Set.of("NODIS")))).as("the caveat does not lift the clearance").isEmpty();
            assertThat(index.search().report("cable", Visibility.of(Classification.DEPARTMENTAL_CONFIDENTIAL)))
                    .as("Stg. C above Dep.V.").isEmpty();
            index.commit(Map.of(P0, 3L));
        }
        assertThat(dir.resolve("confidential+NODIS")).isDirectory();
        assertThat(dir.resolve("public+NODIS+NOFORN")).isDirectory();
        try (HorizonIndex reopened = HorizonIndex.open(dir)) {
            reopened.refresh();
            assertThat(reopened.search().report("both", nodisAndMore)).as("a caveated compartment is found again")
                    .isPresent();
            assertThat(reopened.committedOffsets()).containsExactlyEntriesOf(Map.of(P0, 3L));
        }
    }

    private static Report caveated(String id, Classification classification, String... caveats) {
        Report plain = report(id, "Attack on Menaka, minister's channel", classification);
        return new Report(id, plain.sourceKind(), plain.sourceName(), plain.countries(), "en", plain.publishedAt(),
                plain.title(), "Menaka", classification, null, List.of(), plain.receivedAt(), null, List.of(caveats));
    }

    private static SearchRequest request(String text, Visibility reader) {
        return new SearchRequest(text, reader, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, false, 0,
                10);
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchResult.Hit::id).toList();
    }

    @Test
    void aPublicHitScoresTheSameWhateverClassifiedDocumentsShareItsWords() throws Exception {
        try (HorizonIndex index = HorizonIndex.open(dir)) {
            index.upsert(report("open", "Shelling near Kismayo", Classification.PUBLIC));
            index.upsert(report("other", "Floods in Baidoa", Classification.PUBLIC));
            index.refresh();
            float before = onlyHit(index, "kismayo", Classification.PUBLIC).score();
            for (int i = 0; i < 9; i++) {
                index.upsert(report("secret-" + i, "Kismayo Kismayo source reporting " + i, Classification.SECRET));
                index.upsert(report("cable-" + i, "Kismayo post assessment", Classification.DEPARTMENTAL_CONFIDENTIAL));
            }
            index.refresh();

            assertThat(onlyHit(index, "kismayo", Classification.PUBLIC).score()).isEqualTo(before);
            assertThat(index.search().find(SearchRequest.of("kismayo", Classification.SECRET, 0, 30)).total())
                    .isEqualTo(19);
            assertThat(index.search().find(SearchRequest.of("", Classification.PUBLIC, 0, 30)).facets()
                    .get("classification")).containsOnlyKeys("public");
        }
    }

    private static SearchResult.Hit onlyHit(HorizonIndex index, String query, Classification clearance)
            throws Exception {
        SearchResult result = index.search().find(SearchRequest.of(query, clearance, 0, 10));
        assertThat(result.hits()).hasSize(1);
        return result.hits().getFirst();
    }

    @Test
    void aReportMarkedAnewLeavesItsOldClassification() throws Exception {
        try (HorizonIndex index = HorizonIndex.open(dir)) {
            index.upsert(report("r1", "Attack on Menaka", Classification.PUBLIC));
            index.refresh();
            index.upsert(report("r1", "Attack on Menaka", Classification.SECRET));
            index.refresh();
            assertThat(index.search().find(SearchRequest.of("menaka", Classification.PUBLIC, 0, 10)).total()).isZero();
            assertThat(index.search().find(SearchRequest.of("menaka", Classification.SECRET, 0, 10)).total()).isEqualTo(1);
        }
    }

    /**
     * A compartment without a commit beside compartments with one (a crash between their first commits, or
     * a classification added since) may have lost what it held: everything is read again from the start.
     */
    @Test
    void aCompartmentWithoutACommitMakesTheIndexReadEverythingAgain() throws Exception {
        try (HorizonIndex index = HorizonIndex.open(dir)) {
            index.upsert(report("r1", "Attack on Menaka", Classification.SECRET));
            index.commit(Map.of(P0, 5L));
        }
        org.apache.kafka.common.utils.Utils.delete(dir.resolve(Classification.SECRET.label()).toFile());
        try (HorizonIndex index = HorizonIndex.open(dir)) {
            assertThat(index.committedOffsets()).as("read from the start").isEmpty();
            index.upsert(report("r1", "Attack on Menaka", Classification.SECRET));
            index.commit(Map.of(P0, 5L, P1, 2L));
        }
        try (HorizonIndex index = HorizonIndex.open(dir)) {
            index.refresh();
            assertThat(index.committedOffsets()).containsExactlyInAnyOrderEntriesOf(Map.of(P0, 5L, P1, 2L));
            assertThat(index.search().report("r1", Visibility.of(Classification.SECRET))).isPresent();
        }
    }

    @Test
    void aQueryThatDoesNotParseSaysWhy() throws Exception {
        try (HorizonIndex index = HorizonIndex.open(dir)) {
            assertThatThrownBy(() -> index.search().find(SearchRequest.of("title:(menaka", Classification.PUBLIC, 0, 10)))
                    .isInstanceOf(InvalidQueryException.class).hasMessageStartingWith("query does not parse");
        }
    }
}

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

    @Test
    void aQueryThatDoesNotParseSaysWhy() throws Exception {
        try (HorizonIndex index = HorizonIndex.open(dir)) {
            assertThatThrownBy(() -> index.search().find(SearchRequest.of("title:(menaka", Classification.PUBLIC, 0, 10)))
                    .isInstanceOf(InvalidQueryException.class).hasMessageStartingWith("query does not parse");
        }
    }
}

package nl.horizon.index;

import nl.horizon.schema.Classification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Queries beyond the size and nesting bounds are refused with the reason, before Lucene parses them. */
class QueryLimitsTest {

    @TempDir
    Path dir;

    private static String nested(int depth, String inside) {
        return "(".repeat(depth) + inside + ")".repeat(depth);
    }

    private static String words(int count, String separator) {
        return IntStream.range(0, count).mapToObj(i -> "w" + i).collect(Collectors.joining(separator));
    }

    @Test
    void fourThousandNestedParenthesesAreRefusedWithTheReasonInsteadOfOverflowingTheStack() throws Exception {
        try (HorizonIndex index = HorizonIndex.open(dir)) {
            assertThatThrownBy(() -> index.search().find(SearchRequest.of(nested(4000, "menaka"),
                    Classification.PUBLIC, 0, 10)))
                    .isInstanceOf(InvalidQueryException.class)
                    .hasMessage("query nests parentheses 4000 deep, at most 20");
            assertThat(index.search().find(SearchRequest.of("menaka", Classification.PUBLIC, 0, 10)).total()).isZero();
        }
    }

    @Test
    void nestingUpToTheBoundParses() throws Exception {
        try (HorizonIndex index = HorizonIndex.open(dir)) {
            assertThatCode(() -> index.search().find(SearchRequest.of(nested(QueryLimits.MAX_DEPTH, "menaka OR gao"),
                    Classification.PUBLIC, 0, 10))).doesNotThrowAnyException();
            assertThatThrownBy(() -> index.search().find(SearchRequest.of(nested(QueryLimits.MAX_DEPTH + 1, "menaka"),
                    Classification.PUBLIC, 0, 10))).hasMessageContaining("21 deep");
        }
    }

    @Test
    void parenthesesInAPhraseOrEscapedDoNotNest() {
        assertThatCode(() -> QueryLimits.check("\"" + "(".repeat(30) + "\" AND " + "\\(".repeat(30)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> QueryLimits.check("\"a \\\" b\" " + nested(21, "c")))
                .as("an escaped quote does not end the phrase").hasMessageContaining("21 deep");
    }

    @Test
    void anOverLongQueryIsRefused() {
        assertThatCode(() -> QueryLimits.check("m".repeat(QueryLimits.MAX_CHARACTERS))).doesNotThrowAnyException();
        assertThatThrownBy(() -> QueryLimits.check("m".repeat(QueryLimits.MAX_CHARACTERS + 1)))
                .isInstanceOf(InvalidQueryException.class).hasMessage("query is 1001 characters long, at most 1000");
    }

    @Test
    void termsAreCountedButOperatorsAndFieldNamesAreNot() {
        assertThatCode(() -> QueryLimits.check(words(QueryLimits.MAX_TERMS, " AND "))).doesNotThrowAnyException();
        assertThatCode(() -> QueryLimits.check("title:(" + words(QueryLimits.MAX_TERMS - 1, " OR ") + ") && \"a b c\""))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> QueryLimits.check(words(QueryLimits.MAX_TERMS + 1, " ")))
                .isInstanceOf(InvalidQueryException.class).hasMessage("query has 101 terms, at most 100");
    }

    @Test
    void aSavedQueryIsHeldToTheSameBounds() throws Exception {
        // checking a query neither writes nor reads Kafka
        try (SavedQueries saved = new SavedQueries(null, Clock.systemUTC())) {
            assertThatThrownBy(() -> saved.check(nested(4000, "coup"))).isInstanceOf(InvalidQueryException.class)
                    .hasMessageContaining("nests parentheses");
            assertThatThrownBy(() -> saved.check(words(QueryLimits.MAX_TERMS + 1, " OR ")))
                    .hasMessageContaining("terms");
            assertThatCode(() -> saved.check("coup AND country:MLI")).doesNotThrowAnyException();
        }
    }
}

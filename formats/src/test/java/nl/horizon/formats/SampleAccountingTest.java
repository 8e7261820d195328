package nl.horizon.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import nl.horizon.schema.Json;
import nl.horizon.schema.SourceKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every item of every real feed, edition and event table in {@code ../shared/data} ends as a report or a
 * dead letter: items are counted in the file by a reading of its own (elements, array entries, CSV
 * records), independent of the splitter, and the reports and rejections out must add up to them.
 * A whole document that no format reads is one dead letter, never silence.
 */
class SampleAccountingTest {

    /** Reads a sample the way its connector does: the splits of the document, or one rejection for all of it. */
    @FunctionalInterface
    private interface Reader {
        List<Split> split(byte[] content) throws Rejection;
    }

    /** Counts a sample's items by a reading independent of the splitter. */
    @FunctionalInterface
    private interface Counter {
        long count(byte[] content) throws IOException;
    }

    static Stream<Arguments> samples() {
        Reader feed = FeedDocument::split;
        Reader cap = CapDocument::split;
        Reader edition = c -> CrisisWatchEdition.split(text(c));
        Reader reliefWeb = c -> ReliefWebPage.read(text(c)).splits();
        Reader table = c -> {
            String text = text(c);
            EventTable format = EventTable.detect(text.lines().findFirst().orElse("")).orElseThrow(
                    () -> new Rejection(nl.horizon.schema.RejectReason.UNKNOWN_FORMAT, "not an event table"));
            return format.split(text);
        };
        return Stream.of(
                Arguments.of("feeds/reliefweb_rss_ukraine_2020-09-17_20items.xml", SourceKind.NEWS_FEED, feed,
                        elements("item"), 20),
                Arguments.of("feeds/reliefweb_api_v1_reports_nepal_2020-09-17_10items.json", SourceKind.NEWS_FEED,
                        reliefWeb, jsonArray("/data"), 10),
                Arguments.of("crisiswatch/crisiswatch_2026-02_edition__pythia.json", SourceKind.CRISIS_WATCH,
                        edition, jsonArray("/entries"), 83),
                Arguments.of("crisiswatch/crisiswatch_text_2024-10_to_12_5countries__uchindami.json",
                        SourceKind.CRISIS_WATCH, edition, jsonArray(""), 10),
                Arguments.of("cap/nws_atom_cap_index_2018-08-15.xml", SourceKind.NEWS_FEED, feed, elements("entry"),
                        163),
                Arguments.of("cap/nws_atom_cap_index_2018-08-15.xml", SourceKind.CRISIS_WATCH, cap, elements("entry"),
                        163),
                Arguments.of("cap/cap12_oasis_amber_alert_example.xml", SourceKind.CRISIS_WATCH, cap,
                        elements("alert"), 1),
                Arguments.of("acled/acled_sample_9000_events_2022H1_169countries.csv", SourceKind.EVENT_DATA, table,
                        csvRecords(','), 9000),
                Arguments.of("acled/acled_sample_326_events_argentina_2022-06.csv", SourceKind.EVENT_DATA, table,
                        csvRecords(','), 326),
                Arguments.of("ucdp/ged_candidate_events_v23_0_10.csv", SourceKind.EVENT_DATA, table, csvRecords(','),
                        2391),
                Arguments.of("gdelt/gdelt1_daily_export_20160728_sample710.tsv", SourceKind.EVENT_DATA, table,
                        lines(), 710),
                // documents no connector reads as items: each is one dead letter with its reason
                Arguments.of("gdelt/gdelt2_mentions_sample_20170701__gdeltPyR.csv", SourceKind.EVENT_DATA, table,
                        whole(), 1),
                Arguments.of("crisiswatch/crisiswatch_2026-04_page_TRIMMED_fixture__pythia.html",
                        SourceKind.CRISIS_WATCH, edition, whole(), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyItemEndsAsAReportOrADeadLetter(String sample, SourceKind kind, Reader reader, Counter counter,
                                            int expected) throws IOException {
        byte[] content = SharedData.bytes(sample);
        long in = counter.count(content);
        assertThat(in).as("items in %s", sample).isEqualTo(expected);

        long reports;
        long deadLetters;
        try {
            Normalising out = Normalising.of(reader.split(content), kind, "sample");
            reports = out.reports.size();
            deadLetters = out.rejections.size() + out.splitRejections.size();
        } catch (Rejection wholeDocument) {
            assertThat(wholeDocument.getMessage()).as("a rejected document says why").isNotBlank();
            reports = 0;
            deadLetters = 1;
        }
        assertThat(reports + deadLetters).as("reports %d + dead letters %d out of %s", reports, deadLetters, sample)
                .isEqualTo(in);
    }

    private static String text(byte[] content) {
        return new String(content, StandardCharsets.UTF_8);
    }

    private static Counter elements(String name) {
        Pattern element = Pattern.compile("<" + name + "[\\s>]");
        return c -> element.matcher(text(c)).results().count();
    }

    private static Counter jsonArray(String pointer) {
        return c -> {
            JsonNode array = Json.mapper().readTree(c).at(pointer);
            assertThat(array.isArray()).as("an array at '%s'", pointer).isTrue();
            return array.size();
        };
    }

    private static Counter csvRecords(char separator) {
        return c -> {
            CsvMapper csv = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
            try (MappingIterator<List<String>> rows = csv.readerForListOf(String.class)
                    .with(csv.schemaFor(List.class).withColumnSeparator(separator)).readValues(c)) {
                return rows.readAll().size() - 1L;
            }
        };
    }

    private static Counter lines() {
        return c -> text(c).lines().filter(l -> !l.isBlank()).count();
    }

    private static Counter whole() {
        return c -> 1;
    }
}

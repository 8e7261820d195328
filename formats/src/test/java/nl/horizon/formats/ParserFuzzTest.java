package nl.horizon.formats;

import nl.horizon.schema.Classification;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.SourceKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Mutation fuzzing of every parser with the real samples: flipped bytes, cut documents, stray quotes and
 * delimiters, duplicated and swapped chunks. Whatever comes in, a parser either reads it or rejects it
 * with a reason: no other exception, no hang. The seed is fixed, so a failure replays exactly.
 */
class ParserFuzzTest {

    private static final int MUTANTS = 150;
    private static final byte[] NASTY = "\"<>&;,\t\n\r\\{}[]:'\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);

    private interface Parser {
        void parse(byte[] input) throws Rejection;
    }

    @Test
    void rssAndAtom() {
        fuzz("feeds/reliefweb_rss_ukraine_2020-09-17_20items.xml", input -> normalise(FeedDocument.split(input)));
    }

    @Test
    void capAlertsAndCapFeeds() {
        fuzz("cap/cap12_oasis_amber_alert_example.xml", input -> normalise(CapDocument.split(input)));
        fuzz("cap/nws_atom_cap_index_2018-08-15.xml", input -> normalise(CapDocument.split(input)));
    }

    @Test
    void reliefWebApi() {
        fuzz("feeds/reliefweb_api_v1_reports_nepal_2020-09-17_10items.json",
                input -> normalise(ReliefWebPage.read(ItemText.decode(input, 1 << 24)).splits()));
    }

    @Test
    void crisisWatch() {
        fuzz("crisiswatch/crisiswatch_2026-02_edition__pythia.json",
                input -> normalise(CrisisWatchEdition.split(ItemText.decode(input, 1 << 24))));
    }

    @Test
    void eventTables() {
        fuzz("acled/acled_sample_326_events_argentina_2022-06.csv", input -> table(input));
        fuzz("ucdp/ged_candidate_events_v23_0_10.csv", input -> table(input));
        fuzz("gdelt/gdelt1_daily_export_20160728_sample710.tsv", input -> table(input));
    }

    @Test
    void situationReports() {
        byte[] cable = SituationReportFormatTest.CABLE.getBytes(StandardCharsets.UTF_8);
        byte[] json = SituationReportFormatTest.JSON.getBytes(StandardCharsets.UTF_8);
        fuzz(cable, input -> SituationReportFormat.POST_CABLE.read(ItemText.decode(input, 1 << 20), nl.horizon.schema.Markings.standard()));
        fuzz(json, input -> SituationReportFormat.POST_JSON.read(ItemText.decode(input, 1 << 20), nl.horizon.schema.Markings.standard()));
    }

    private static void table(byte[] input) throws Rejection {
        String text = ItemText.decode(input, 1 << 24);
        EventTable table = EventTable.detect(text.lines().findFirst().orElse("")).orElseThrow(
                () -> new Rejection(nl.horizon.schema.RejectReason.UNKNOWN_FORMAT, "not a known table"));
        normalise(table.split(text));
    }

    private static void normalise(List<Split> splits) {
        for (Split split : splits) {
            if (split instanceof Split.Item item) {
                try {
                    ItemFormats.standard(nl.horizon.schema.Markings.standard()).toReport(RawItem.of(item.item().itemId(), SourceKind.NEWS_FEED, "fuzz",
                            item.item().format(), Instant.EPOCH, Classification.PUBLIC, item.item().payload()));
                } catch (Rejection expected) {
                    // a bad item is rejected on its own
                }
            }
        }
    }

    private static void fuzz(String sample, Parser parser) {
        fuzz(SharedData.bytes(sample), parser);
    }

    private static void fuzz(byte[] original, Parser parser) {
        Random random = new Random(20261123L ^ original.length);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < MUTANTS; i++) {
                byte[] mutant = mutate(original, random);
                try {
                    parser.parse(mutant);
                } catch (Rejection expected) {
                    assertThat(expected.reason()).isNotNull();
                    assertThat(expected.detail()).isNotBlank();
                } catch (RuntimeException e) {
                    throw new AssertionError("mutant " + i + " broke the parser instead of being rejected: " + e, e);
                }
            }
        });
    }

    static byte[] mutate(byte[] input, Random random) {
        byte[] out = input.clone();
        int edits = 1 + random.nextInt(8);
        for (int e = 0; e < edits && out.length > 0; e++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(5)) {
                case 0 -> out[at] = (byte) random.nextInt(256);
                case 1 -> out[at] = NASTY[random.nextInt(NASTY.length)];
                case 2 -> out = java.util.Arrays.copyOf(out, at);
                case 3 -> {
                    int len = Math.min(out.length - at, 1 + random.nextInt(200));
                    byte[] grown = new byte[out.length + len];
                    System.arraycopy(out, 0, grown, 0, at + len);
                    System.arraycopy(out, at, grown, at + len, out.length - at);
                    out = grown;
                }
                default -> {
                    int other = random.nextInt(out.length);
                    byte swap = out[at];
                    out[at] = out[other];
                    out[other] = swap;
                }
            }
        }
        return out;
    }
}

package nl.horizon.ingest.folder;

import nl.horizon.schema.Classification;
import nl.horizon.schema.CoupAttempt;
import nl.horizon.schema.DeadLetter;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Marking;
import nl.horizon.schema.Markings;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Topics;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DropFolderTaskTest {

    private static final Marking UNREAD = Markings.standard().undetermined();

    private static final String CABLE = """
            POST: bamako
            REFERENCE: BAM-2012-017
            DATE: 2012-01-17
            CLASSIFICATION: departmental-confidential
            COUNTRY: MLI
            SUBJECT: Attack on Menaka

            MNLA fighters attacked the garrison.
            """;

    @TempDir
    Path dir;
    private final DropFolderTask task = new DropFolderTask(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    private void start(String... extra) {
        Map<String, String> props = new HashMap<>(Map.of(DropFolderConfig.DIR, dir.toString(),
                DropFolderConfig.MAX_FILE_BYTES, "2048", DropFolderConfig.POLL_INTERVAL_MS, "50"));
        for (int i = 0; i < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        task.start(props);
    }

    @AfterEach
    void stop() {
        task.stop();
    }

    @Test
    void aReportGoesToTheRawTopicAndLeavesTheFolderOnlyOnceAcknowledged() throws Exception {
        start();
        Files.writeString(dir.resolve("bam-2012-017.txt"), CABLE);

        List<SourceRecord> records = task.poll();

        assertThat(records).hasSize(1);
        SourceRecord record = records.get(0);
        assertThat(record.topic()).isEqualTo("horizon.raw.post.v1");
        assertThat(record.key()).isEqualTo("BAM-2012-017");
        RawItem item = JsonSerde.of(RawItem.class).deserialize("t", (byte[]) record.value());
        assertThat(item.format()).isEqualTo("post-cable");
        assertThat(item.sourceName()).isEqualTo("bamako");
        assertThat(item.payload()).isEqualTo(CABLE);
        assertThat(dir.resolve("bam-2012-017.txt")).exists();
        assertThat(task.poll()).as("a file in flight is not read twice").isNull();

        task.commitRecord(record, null);

        assertThat(dir.resolve("bam-2012-017.txt")).doesNotExist();
        assertThat(dir.resolve("processed/bam-2012-017.txt")).hasContent(CABLE);
    }

    /**
     * A record without a timestamp is stamped by the producer when it is written. A report's own date can
     * be years ahead by mistake, or before 1970; as a record timestamp the broker would refuse it.
     */
    @Test
    void aReportsOwnDateIsNeverItsRecordTimestamp() throws Exception {
        start();
        Files.writeString(dir.resolve("a-future.txt"), CABLE.replace("2012-01-17", "2099-01-17"));
        Files.writeString(dir.resolve("b-old.txt"), CABLE.replace("2012-01-17", "1965-01-17")
                .replace("BAM-2012-017", "BAM-1965-017"));
        Files.writeString(dir.resolve("c-bad.txt"), CABLE.replace("MLI", "MALI"));

        List<SourceRecord> records = task.poll();

        assertThat(records).extracting(SourceRecord::topic)
                .containsExactly("horizon.raw.post.v1", "horizon.raw.post.v1", Topics.DLQ);
        assertThat(records).extracting(SourceRecord::timestamp).containsOnlyNulls();
    }

    @Test
    void badFilesAreDeadLetteredWithTheReasonAndKept() throws Exception {
        start();
        Files.writeString(dir.resolve("a-unknown-country.txt"), CABLE.replace("MLI", "MALI"));
        Files.write(dir.resolve("b-latin1.txt"), CABLE.replace("Menaka", "Ménaka").getBytes("ISO-8859-1"));
        Files.writeString(dir.resolve("c-huge.txt"), CABLE + "x".repeat(4096));
        Files.writeString(dir.resolve("d-report.docx"), "PK");
        Files.writeString(dir.resolve("e-good.txt"), CABLE);

        List<SourceRecord> records = task.poll();

        assertThat(records).extracting(SourceRecord::topic)
                .containsExactly(Topics.DLQ, Topics.DLQ, Topics.DLQ, Topics.DLQ, "horizon.raw.post.v1");
        List<DeadLetter> letters = records.subList(0, 4).stream()
                .map(r -> JsonSerde.of(DeadLetter.class).deserialize("t", (byte[]) r.value())).toList();
        assertThat(letters).extracting(DeadLetter::reason).containsExactly(RejectReason.UNKNOWN_COUNTRY,
                RejectReason.BAD_ENCODING, RejectReason.OVERSIZED, RejectReason.UNKNOWN_FORMAT);
        assertThat(letters.get(0).detail()).startsWith("a-unknown-country.txt: ").contains("'MALI'");
        assertThat(letters.get(0).payload()).isEqualTo(CABLE.replace("MLI", "MALI"));

        assertThat(letters).extracting(DeadLetter::marking).as("what each claimed, the top when unreadable")
                .containsExactly(Marking.of(Classification.DEPARTMENTAL_CONFIDENTIAL), UNREAD, UNREAD, UNREAD);

        records.forEach(r -> task.commitRecord(r, null));

        assertThat(dir.resolve("rejected/departmental-confidential/a-unknown-country.txt")).exists();
        assertThat(dir.resolve("rejected/" + UNREAD.label() + "/c-huge.txt")).exists();
        assertThat(dir.resolve("processed/e-good.txt")).exists();
    }

    /** A cable whose markings disagree, or JSON that says "classification" twice, is never filed as public. */
    @Test
    void aReportWithConflictingMarkingsIsADeadLetterNeverPublic() throws Exception {
        start();
        Files.writeString(dir.resolve("a-cable.txt"), CABLE.replace("CLASSIFICATION: departmental-confidential\n",
                "CLASSIFICATION: SECRET\nRUBRICERING: Openbaar\n"));
        Files.writeString(dir.resolve("b-json.json"), """
                {"post": "bamako", "reference": "BAM-2012-018", "date": "2012-01-18", "classification": "secret",
                 "subject": "Attack on Menaka", "body": "MNLA fighters attacked the garrison.", "classification": "public"}
                """);

        List<SourceRecord> records = task.poll();

        assertThat(records).extracting(SourceRecord::topic).containsExactly(Topics.DLQ, Topics.DLQ);
        List<DeadLetter> letters = records.stream()
                .map(r -> JsonSerde.of(DeadLetter.class).deserialize("t", (byte[]) r.value())).toList();
        assertThat(letters).extracting(DeadLetter::reason)
                .containsOnly(RejectReason.CONFLICTING_FIELD);
        assertThat(letters.get(0).detail()).startsWith("a-cable.txt: classification").contains("'SECRET' and 'Openbaar'");
        assertThat(letters.get(1).detail()).startsWith("b-json.json: key 'classification'");

        records.forEach(r -> task.commitRecord(r, null));

        assertThat(letters).extracting(DeadLetter::classification).as("never lower than it said")
                .containsExactly(Classification.SECRET, Classification.TOP_SECRET);
        assertThat(dir.resolve("rejected/secret/a-cable.txt")).exists();
        assertThat(dir.resolve("rejected/" + UNREAD.label() + "/b-json.json")).exists();
    }

    /** A refused secret cable on the dead-letter topic and in rejected/ is still a secret cable. */
    @Test
    void aRefusedCableKeepsTheMarkingItsHeaderClaimed() throws Exception {
        start();
        Files.writeString(dir.resolve("a-cable.txt"), CABLE.replace("CLASSIFICATION: departmental-confidential",
                "CLASSIFICATION: SECRET//NOFORN//REL TO USA, NLD"));
        Files.writeString(dir.resolve("b-cable.txt"), CABLE.replace("CLASSIFICATION: departmental-confidential",
                "CLASSIFICATION: Stg. Zeer Geheim NODIS").replace("MLI", "MALI"));

        List<SourceRecord> records = task.poll();

        List<DeadLetter> letters = records.stream()
                .map(r -> JsonSerde.of(DeadLetter.class).deserialize("t", (byte[]) r.value())).toList();
        assertThat(letters.get(0).detail()).contains("REL TO").contains("is refused");
        assertThat(letters).extracting(DeadLetter::marking).containsExactly(new Marking(Classification.SECRET, List.of("NOFORN")),
                new Marking(Classification.TOP_SECRET, List.of("NODIS")));
        records.forEach(r -> task.commitRecord(r, null));
        assertThat(dir.resolve("rejected/secret+NOFORN/a-cable.txt")).exists();
        assertThat(dir.resolve("rejected/top-secret+NODIS/b-cable.txt")).exists();
    }

    @Test
    void anEventTableBecomesOneItemPerRowAndLeavesOnceEveryRowIsAcknowledged() throws Exception {
        start(DropFolderConfig.CONTENT, "event-tables", DropFolderConfig.SOURCE_NAME, "acled");
        Files.writeString(dir.resolve("acled.csv"), """
                event_id_cnty,event_date,country,event_type,sub_event_type,location,notes,fatalities
                MLI3,2012-01-19,Mali,Battles,Armed clash,Gao,Clash at Gao,3
                MLI2,2012-01-18,Mali,Battles
                MLI1,2012-01-17,Mali,Battles,Armed clash,Menaka,Clash at Menaka,12
                MLI4,2012-01-16,Atlantis,Battles,Armed clash,Nowhere,Clash,1
                """);

        List<SourceRecord> records = task.poll();

        assertThat(records).extracting(SourceRecord::topic).containsExactly(Topics.DLQ, Topics.DLQ,
                Topics.raw(SourceKind.EVENT_DATA), Topics.raw(SourceKind.EVENT_DATA));
        assertThat(JsonSerde.of(DeadLetter.class).deserialize("t", (byte[]) records.get(0).value()).detail())
                .isEqualTo("acled.csv line 3 has 4 columns; expected 8");
        assertThat(JsonSerde.of(DeadLetter.class).deserialize("t", (byte[]) records.get(1).value()).detail())
                .startsWith("acled.csv item MLI4: country: 'Atlantis'");
        RawItem first = JsonSerde.of(RawItem.class).deserialize("t", (byte[]) records.get(2).value());
        assertThat(first.itemId()).as("oldest first").isEqualTo("MLI1");
        assertThat(first.sourceName()).isEqualTo("acled");
        assertThat(first.format()).isEqualTo("acled-event");

        task.commitRecord(records.get(0), null);
        task.commitRecord(records.get(1), null);
        task.commitRecord(records.get(2), null);
        assertThat(dir.resolve("acled.csv")).as("one row still in flight").exists();
        task.commitRecord(records.get(3), null);
        assertThat(dir.resolve("processed/acled.csv")).exists();
    }

    @Test
    void aStructuralTableBecomesTypedValuesAndItsBadRowsDeadLetters() throws Exception {
        start(DropFolderConfig.CONTENT, "structural-tables");
        Files.writeString(dir.resolve("edi.csv"), """
                Entity,Code,Year,Electoral Democracy Index
                Mali,MLI,2011,0.52
                Mali,MLI,2012,high
                """);

        List<SourceRecord> records = task.poll();

        assertThat(records).extracting(SourceRecord::topic).containsExactly(Topics.DLQ, Topics.STRUCTURAL);
        assertThat(JsonSerde.of(DeadLetter.class).deserialize("t", (byte[]) records.get(0).value()).detail())
                .isEqualTo("edi.csv the value of MLI in 2012 is not a number: 'high'");
        assertThat(records.get(1).key()).isEqualTo("edi.csv:Electoral Democracy Index:MLI:2011");
        assertThat(JsonSerde.of(nl.horizon.schema.StructuralValue.class).deserialize("t", (byte[]) records.get(1).value()))
                .isEqualTo(new nl.horizon.schema.StructuralValue("MLI", "Electoral Democracy Index", 2011, 0.52, "edi.csv"));
        task.commitRecord(records.get(0), null);
        task.commitRecord(records.get(1), null);
        assertThat(dir.resolve("processed/edi.csv")).exists();
    }

    @Test
    void everyRowOfTheRealCoupTableEndsAsAnAttemptOrADeadLetter() throws Exception {
        Path data = Path.of(System.getProperty("horizon.root", "..")).resolve("../shared/data").normalize();
        Path coups = data.resolve("conflict-labels/powell_thyne_coups_1950-2019.csv");
        Assumptions.assumeTrue(Files.exists(coups), "shared test data not present: " + coups);
        start(DropFolderConfig.CONTENT, "coups", DropFolderConfig.MAX_FILE_BYTES, String.valueOf(1 << 20));
        Files.copy(coups, dir.resolve(coups.getFileName()));
        long rows;
        try (var lines = Files.lines(coups)) {
            rows = lines.skip(1).filter(l -> !l.isBlank()).count();
        }

        List<SourceRecord> records = task.poll();

        assertThat(records).hasSize((int) rows);
        List<SourceRecord> attempts = records.stream().filter(r -> r.topic().equals(Topics.COUPS)).toList();
        List<DeadLetter> dead = records.stream().filter(r -> r.topic().equals(Topics.DLQ))
                .map(r -> JsonSerde.of(DeadLetter.class).deserialize("t", (byte[]) r.value())).toList();
        assertThat(attempts.size() + dead.size()).isEqualTo(rows);
        assertThat(dead).hasSize(9).allSatisfy(d -> {
            assertThat(d.reason()).isEqualTo(RejectReason.UNKNOWN_COUNTRY);
            assertThat(d.detail()).startsWith("powell_thyne_coups_1950-2019.csv country 'Yemen");
        });
        assertThat(attempts).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo("powell_thyne_coups_1950-2019.csv:MLI:2012-03-22");
            assertThat(JsonSerde.of(CoupAttempt.class).deserialize("t", (byte[]) r.value())).isEqualTo(
                    new CoupAttempt("MLI", java.time.LocalDate.of(2012, 3, 22), true,
                            "powell_thyne_coups_1950-2019.csv"));
        });
        records.forEach(r -> task.commitRecord(r, null));
        assertThat(dir.resolve("processed/powell_thyne_coups_1950-2019.csv")).exists();
    }

    @Test
    void aTableThatIsNoCoupTableIsRejectedWholeFromTheCoupFolder() throws Exception {
        start(DropFolderConfig.CONTENT, "coups");
        Files.writeString(dir.resolve("edi.csv"), "Entity,Code,Year,Electoral Democracy Index\nMali,MLI,2011,0.52\n");

        List<SourceRecord> records = task.poll();

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo(Topics.DLQ);
            assertThat(JsonSerde.of(DeadLetter.class).deserialize("t", (byte[]) r.value()).reason())
                    .isEqualTo(RejectReason.UNKNOWN_FORMAT);
        });
    }

    @Test
    void realAcledAndGdeltFilesAreReadWhole() throws Exception {
        Path data = Path.of(System.getProperty("horizon.root", "..")).resolve("../shared/data").normalize();
        Assumptions.assumeTrue(Files.isDirectory(data), "shared test data not present: " + data);
        start(DropFolderConfig.CONTENT, "event-tables", DropFolderConfig.SOURCE_NAME, "events",
                DropFolderConfig.MAX_FILE_BYTES, String.valueOf(16 << 20));
        Files.copy(data.resolve("acled/acled_sample_326_events_argentina_2022-06.csv"), dir.resolve("a.csv"));
        Files.copy(data.resolve("gdelt/gdelt1_daily_export_20160728_sample710.tsv"), dir.resolve("g.tsv"));

        List<SourceRecord> records = task.poll();

        assertThat(records).hasSize(326 + 710).allSatisfy(r -> assertThat(r.topic()).isEqualTo("horizon.raw.event-data.v1"));
    }

    @Test
    void anUnrecognisedTableIsRejectedWhole() throws Exception {
        start(DropFolderConfig.CONTENT, "event-tables", DropFolderConfig.SOURCE_NAME, "acled");
        Files.writeString(dir.resolve("x.csv"), "a,b,c\n1,2,3\n");

        List<SourceRecord> records = task.poll();

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo(Topics.DLQ);
            assertThat(JsonSerde.of(DeadLetter.class).deserialize("t", (byte[]) r.value()).reason())
                    .isEqualTo(RejectReason.UNKNOWN_FORMAT);
        });
        task.commitRecord(records.get(0), null);
        assertThat(dir.resolve("rejected/public/x.csv")).as("a table is what its source is configured as").exists();
    }
}

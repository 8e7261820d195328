package nl.horizon.ingest.post;

import nl.horizon.schema.DeadLetter;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.Topics;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PostDropFolderTaskTest {

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
    private final PostDropFolderTask task = new PostDropFolderTask(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @BeforeEach
    void start() {
        task.start(Map.of(PostDropFolderConfig.DIR, dir.toString(), PostDropFolderConfig.MAX_ITEM_BYTES, "2048",
                PostDropFolderConfig.POLL_INTERVAL_MS, "50"));
    }

    @AfterEach
    void stop() {
        task.stop();
    }

    @Test
    void aReportGoesToTheRawTopicAndLeavesTheFolderOnlyOnceAcknowledged() throws Exception {
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

    @Test
    void badFilesAreDeadLetteredWithTheReasonAndKept() throws Exception {
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

        records.forEach(r -> task.commitRecord(r, null));

        assertThat(dir.resolve("rejected")).isDirectoryContaining(p -> p.getFileName().toString().equals("c-huge.txt"));
        assertThat(dir.resolve("processed/e-good.txt")).exists();
    }
}

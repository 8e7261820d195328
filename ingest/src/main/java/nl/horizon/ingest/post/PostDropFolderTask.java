package nl.horizon.ingest.post;

import nl.horizon.formats.DeadLetters;
import nl.horizon.formats.ItemText;
import nl.horizon.formats.PostFormat;
import nl.horizon.formats.PostMessage;
import nl.horizon.formats.Rejection;
import nl.horizon.schema.DeadLetter;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Topics;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the drop folder. A file is moved out of the folder only in {@link #commitRecord}, that is after
 * Kafka acknowledged its record: to {@code processed/} when it went onto the raw topic, to
 * {@code rejected/} when its dead letter did. A crash before that leaves the file in place, to be read
 * again; the report id is the post's reference, so the second copy replaces the first downstream.
 */
public final class PostDropFolderTask extends SourceTask {

    static final String STAGE = "connector:post-drop-folder";
    private static final Logger LOG = LoggerFactory.getLogger(PostDropFolderTask.class);
    private static final int BATCH = 100;
    private static final String FILE = "file";

    private final Clock clock;
    private final Set<Path> inFlight = new HashSet<>();
    private PostDropFolderConfig config;
    private Path processed;
    private Path rejected;

    public PostDropFolderTask() {
        this(Clock.systemUTC());
    }

    PostDropFolderTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String version() {
        return new PostDropFolderConnector().version();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new PostDropFolderConfig(props);
        processed = config.dir().resolve("processed");
        rejected = config.dir().resolve("rejected");
        try {
            Files.createDirectories(processed);
            Files.createDirectories(rejected);
        } catch (IOException e) {
            throw new ConnectException("cannot create " + processed + " and " + rejected + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        List<SourceRecord> records = new ArrayList<>();
        for (Path file : newFiles()) {
            records.add(read(file));
            inFlight.add(file);
        }
        if (records.isEmpty()) {
            Thread.sleep(config.pollIntervalMs());
            return null;
        }
        return records;
    }

    private List<Path> newFiles() {
        try (Stream<Path> files = Files.list(config.dir())) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> !inFlight.contains(f))
                    .sorted()
                    .limit(BATCH)
                    .toList();
        } catch (IOException e) {
            throw new ConnectException("cannot list " + config.dir() + ": " + e.getMessage(), e);
        }
    }

    private SourceRecord read(Path file) {
        String name = file.getFileName().toString();
        String text = "";
        try {
            ItemText.checkSize(Files.size(file), config.maxItemBytes());
            text = ItemText.decode(Files.readAllBytes(file), config.maxItemBytes());
            PostFormat format = PostFormat.ofFileName(name).orElseThrow(() -> new Rejection(
                    RejectReason.UNKNOWN_FORMAT, "file '" + name + "' is neither .json nor .txt"));
            PostMessage message = format.read(text);
            RawItem item = RawItem.of(message.itemId(), SourceKind.POST, message.post(), format.formatName(),
                    clock.instant(), message.classification(), text);
            return record(file, Topics.raw(SourceKind.POST), item.itemId(), JsonSerde.of(RawItem.class)
                    .serialize(Topics.raw(SourceKind.POST), item));
        } catch (Rejection rejection) {
            DeadLetter letter = DeadLetters.of(null, SourceKind.POST, name, STAGE,
                    new Rejection(rejection.reason(), name + ": " + rejection.detail()), text, clock.instant());
            LOG.warn("rejected {}: {} ({}); kept in {}", name, rejection.detail(), rejection.reason().label(), rejected);
            return record(file, Topics.DLQ, letter.itemId(), JsonSerde.of(DeadLetter.class).serialize(Topics.DLQ,
                    letter));
        } catch (IOException e) {
            throw new ConnectException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private SourceRecord record(Path file, String topic, String key, byte[] value) {
        return new SourceRecord(Map.of("folder", config.dir().toString()),
                Map.of(FILE, file.getFileName().toString()), topic, null, Schema.STRING_SCHEMA, key,
                Schema.BYTES_SCHEMA, value);
    }

    /** Kafka acknowledged the record: only now does the file leave the drop folder. */
    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        Path file = config.dir().resolve((String) record.sourceOffset().get(FILE));
        Path target = (Topics.DLQ.equals(record.topic()) ? rejected : processed).resolve(file.getFileName());
        try {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.error("{} is in Kafka but could not be moved to {}; it will be read again: {}", file, target,
                    e.getMessage());
        } finally {
            inFlight.remove(file);
        }
    }

    @Override
    public void stop() {
        // nothing held between polls
    }
}

package nl.horizon.ingest.folder;

import io.micrometer.core.instrument.Metrics;
import nl.horizon.formats.CoupTable;
import nl.horizon.formats.DeadLetters;
import nl.horizon.formats.EventTable;
import nl.horizon.formats.ItemFormats;
import nl.horizon.formats.ItemText;
import nl.horizon.formats.Rejection;
import nl.horizon.formats.SituationReport;
import nl.horizon.formats.SituationReportFormat;
import nl.horizon.formats.Split;
import nl.horizon.formats.StructuralTable;
import nl.horizon.schema.CoupAttempt;
import nl.horizon.schema.DeadLetter;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Marking;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.StructuralValue;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Reads a drop folder. Every item is checked with its format's parser here, at the edge, so a bad row
 * is dead-lettered with its file and id; an event table's rows are sent oldest first. A file leaves the
 * folder only in {@link #commitRecord}, once Kafka has
 * acknowledged every record made from it: to {@code processed/}, or to {@code rejected/} when the file as
 * a whole was refused (rejected rows of a table are on the dead-letter topic; the file still counts as
 * processed). A crash before that leaves the file in place to be read again; item ids are stable, so
 * the second reading replaces the first downstream.
 */
public final class DropFolderTask extends SourceTask {

    private static final Logger LOG = LoggerFactory.getLogger(DropFolderTask.class);
    private static final int FILES_PER_POLL = 20;
    private static final String FILE = "file";

    private final Clock clock;
    /** Records of each file not yet acknowledged; {@link #commitRecord} runs on the producer's thread. */
    private final Map<Path, Integer> pending = new ConcurrentHashMap<>();
    private final Map<Path, Path> destination = new ConcurrentHashMap<>();
    private DropFolderConfig config;
    private ItemFormats formats;
    private String stage;
    private Path processed;
    private Path rejected;

    public DropFolderTask() {
        this(Clock.systemUTC());
    }

    DropFolderTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String version() {
        return new DropFolderConnector().version();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new DropFolderConfig(props);
        formats = ItemFormats.standard(config.markings());
        stage = "connector:drop-folder:" + config.content().label();
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
            List<SourceRecord> fromFile = read(file);
            if (fromFile.isEmpty()) {
                move(file, destination.remove(file));
                continue;
            }
            pending.put(file, fromFile.size());
            records.addAll(fromFile);
        }
        if (records.isEmpty()) {
            Thread.sleep(config.pollIntervalMs());
            return null;
        }
        Metrics.counter("horizon.source.items", "source", "drop-folder:" + config.content().label())
                .increment(records.size());
        return records;
    }

    private List<Path> newFiles() {
        try (Stream<Path> files = Files.list(config.dir())) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> !pending.containsKey(f))
                    .sorted()
                    .limit(FILES_PER_POLL)
                    .toList();
        } catch (IOException e) {
            throw new ConnectException("cannot list " + config.dir() + ": " + e.getMessage(), e);
        }
    }

    private List<SourceRecord> read(Path file) {
        String name = file.getFileName().toString();
        String text = "";
        try {
            ItemText.checkSize(Files.size(file), config.maxFileBytes());
            text = ItemText.decode(Files.readAllBytes(file), config.maxFileBytes());
            List<SourceRecord> records = switch (config.content()) {
                case POSTS -> post(file, text);
                case EVENT_TABLES -> table(file, text);
                case STRUCTURAL_TABLES -> structural(file, text);
                case COUPS -> coups(file, text);
            };
            destination.put(file, processed);
            return records;
        } catch (Rejection rejection) {
            Marking marking = claimed(name, text);
            Path folder = rejectedFolder(marking);
            destination.put(file, folder);
            LOG.warn("rejected {}: {} ({}); kept in {}", name, rejection.detail(), rejection.reason().label(), folder);
            return List.of(deadLetter(file, new Rejection(rejection.reason(), name + ": " + rejection.detail()), text,
                    marking));
        } catch (IOException e) {
            throw new ConnectException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Where a refused file is kept: {@code rejected/<marking>/} ({@code rejected/secret+NOFORN/}), so that
     * access to a folder can follow the clearance its files need.
     */
    private Path rejectedFolder(Marking marking) {
        Path folder = rejected.resolve(marking.label());
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ConnectException("cannot create " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * How sensitive a refused file is: what a post's marking claims (the top level with every caveat when
     * it cannot be read, the file too large or not UTF-8), a table's configured classification.
     */
    private Marking claimed(String name, String text) {
        if (config.content() != FolderContent.POSTS) {
            return Marking.of(config.classification());
        }
        return SituationReportFormat.ofFileName(name).map(f -> f.claimed(text, formats.markings()))
                .orElseGet(() -> formats.markings().undetermined());
    }

    private List<SourceRecord> post(Path file, String text) throws Rejection {
        String name = file.getFileName().toString();
        SituationReportFormat format = SituationReportFormat.ofFileName(name).orElseThrow(() -> new Rejection(
                RejectReason.UNKNOWN_FORMAT, "file '" + name + "' is neither .json nor .txt"));
        SituationReport message = format.read(text, formats.markings());
        return List.of(rawItem(file, RawItem.of(message.itemId(), SourceKind.POST, message.author(), format.formatName(),
                clock.instant(), message.marking().classification(), text)));
    }

    private List<SourceRecord> table(Path file, String text) throws Rejection {
        String firstLine = text.lines().findFirst().orElse("");
        EventTable table = EventTable.detect(firstLine).orElseThrow(() -> new Rejection(RejectReason.UNKNOWN_FORMAT,
                "not an ACLED or UCDP CSV or a GDELT 1.0 TSV: first line '"
                        + firstLine.substring(0, Math.min(80, firstLine.length())) + "'"));
        String source = config.sourceName().isBlank() ? table.sourceName() : config.sourceName();
        List<SourceRecord> rejected = new ArrayList<>();
        List<Map.Entry<Instant, RawItem>> items = new ArrayList<>();
        for (Split split : table.split(text)) {
            if (split instanceof Split.Item item) {
                RawItem raw = RawItem.of(item.item().itemId(), SourceKind.EVENT_DATA, source, item.item().format(),
                        clock.instant(), config.classification(), item.item().payload());
                try {
                    items.add(Map.entry(formats.toReport(raw).publishedAt(), raw));
                } catch (Rejection rejection) {
                    rejected.add(deadLetter(file, new Rejection(rejection.reason(), file.getFileName() + " item "
                            + raw.itemId() + ": " + rejection.detail()), raw.payload(),
                            Marking.of(config.classification())));
                }
            } else { // Java 17 has no pattern switch: Split is sealed, the other part is Rejected
                Split.Rejected row = (Split.Rejected) split;
                rejected.add(deadLetter(file, new Rejection(row.rejection().reason(),
                        file.getFileName() + " " + row.rejection().detail()), row.payload(),
                        Marking.of(config.classification())));
            }
        }
        // exports are not always in date order (ACLED's are not): sent oldest first, the rows reach scoring
        // in event-time order and none is late for want of sorting
        items.sort(Map.Entry.comparingByKey());
        List<SourceRecord> records = new ArrayList<>(rejected);
        items.forEach(item -> records.add(rawItem(file, item.getValue())));
        return records;
    }

    /** A structural table: one value per country-year, each bad row a dead letter of its own. */
    private List<SourceRecord> structural(Path file, String text) throws Rejection {
        String name = file.getFileName().toString();
        StructuralTable layout = StructuralTable.detect(text).orElseThrow(() -> new Rejection(
                RejectReason.UNKNOWN_FORMAT, "not a World Bank indicator CSV or an Our World in Data CSV"));
        StructuralTable.Read read = layout.read(name, text);
        List<SourceRecord> records = new ArrayList<>();
        read.rejected().forEach(row -> records.add(deadLetter(file, new Rejection(row.rejection().reason(),
                name + " " + row.rejection().detail()), row.payload(), Marking.of(config.classification()))));
        read.values().forEach(v -> records.add(record(file, Topics.STRUCTURAL, v.key(),
                JsonSerde.of(StructuralValue.class).serialize(Topics.STRUCTURAL, v))));
        return records;
    }

    /** A coup table: one attempt per row, each bad row a dead letter of its own. */
    private List<SourceRecord> coups(Path file, String text) throws Rejection {
        String name = file.getFileName().toString();
        if (!CoupTable.detect(text)) {
            throw new Rejection(RejectReason.UNKNOWN_FORMAT, "not a coup table (Powell & Thyne CSV: country, year, "
                    + "month, day, coup)");
        }
        CoupTable.Read read = CoupTable.read(name, text);
        List<SourceRecord> records = new ArrayList<>();
        read.rejected().forEach(row -> records.add(deadLetter(file, new Rejection(row.rejection().reason(),
                name + " " + row.rejection().detail()), row.payload(), Marking.of(config.classification()))));
        read.attempts().forEach(a -> records.add(record(file, Topics.COUPS, a.key(),
                JsonSerde.of(CoupAttempt.class).serialize(Topics.COUPS, a))));
        return records;
    }

    private SourceRecord rawItem(Path file, RawItem item) {
        String topic = Topics.raw(item.sourceKind());
        return record(file, topic, item.itemId(), JsonSerde.of(RawItem.class).serialize(topic, item));
    }

    private SourceRecord deadLetter(Path file, Rejection rejection, String payload, Marking marking) {
        String source = config.sourceName().isBlank() ? file.getFileName().toString() : config.sourceName();
        DeadLetter letter = DeadLetters.of(null, config.content().sourceKind(), source, stage, rejection, payload,
                clock.instant(), marking);
        return record(file, Topics.DLQ, letter.itemId(), JsonSerde.of(DeadLetter.class).serialize(Topics.DLQ, letter));
    }

    private SourceRecord record(Path file, String topic, String key, byte[] value) {
        return new SourceRecord(Map.of("folder", config.dir().toString()),
                Map.of(FILE, file.getFileName().toString()), topic, null, Schema.STRING_SCHEMA, key,
                Schema.BYTES_SCHEMA, value);
    }

    /** Kafka acknowledged a record: once every record of its file is, the file leaves the folder. */
    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        Path file = config.dir().resolve((String) record.sourceOffset().get(FILE));
        int left = pending.merge(file, -1, Integer::sum);
        if (left > 0) {
            return;
        }
        pending.remove(file);
        move(file, destination.remove(file));
    }

    private static void move(Path file, Path folder) {
        Path target = folder.resolve(file.getFileName());
        try {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.error("{} is in Kafka but could not be moved to {}; it will be read again: {}", file, target,
                    e.getMessage());
        }
    }

    @Override
    public void stop() {
        // nothing held between polls
    }
}

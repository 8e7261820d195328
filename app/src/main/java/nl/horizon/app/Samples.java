package nl.horizon.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads the sample reports on the first start of a new data directory, by dropping them where the
 * connectors look, exactly as a post would. A marker file records that it happened, so a restart does
 * not drop them again.
 */
final class Samples {

    private static final Logger LOG = LoggerFactory.getLogger(Samples.class);
    private static final String MARKER = ".samples-loaded";
    private static final String COUPS_MARKER = ".coups-loaded";

    private Samples() {
    }

    /**
     * Copies {@code samples/posts/*} into the post drop folder and {@code samples/events/*} into the event
     * drop folder, once per data directory.
     */
    static void loadOnce(Path samplesDir, Path dataDir, Path postsDir, Path eventsDir) throws IOException {
        Path marker = dataDir.resolve(MARKER);
        if (Files.exists(marker)) {
            return;
        }
        int posts = drop(samplesDir.resolve("posts"), postsDir);
        int events = drop(samplesDir.resolve("events"), eventsDir);
        Files.writeString(marker, "sample files dropped into " + postsDir + " and " + eventsDir + "\n");
        LOG.info("dropped {} sample post reports into {} and {} event tables into {}", posts, postsDir, events,
                eventsDir);
    }

    /**
     * Copies a coup table into the coup drop folder once per data directory, on the first start at which
     * the table exists. The shipped configuration names Powell &amp; Thyne's table in {@code ../shared/data}:
     * third-party data that Horizon does not ship, so the demo forecasts with coups where it is present and
     * without (the coup features missing) where it is not, and picks it up on a later start once it is.
     *
     * @return whether the table was dropped now
     */
    static boolean coupsOnce(Path table, Path dataDir, Path coupsDir) throws IOException {
        Path marker = dataDir.resolve(COUPS_MARKER);
        if (Files.exists(marker)) {
            return false;
        }
        if (!Files.isRegularFile(table)) {
            LOG.info("no coup table at {}: the forecast's coup features stay missing until one is dropped into {}",
                    table, coupsDir);
            return false;
        }
        Files.createDirectories(coupsDir);
        dropFile(table, coupsDir);
        Files.writeString(marker, table + " dropped into " + coupsDir + "\n");
        LOG.info("dropped the coup table {} into {}", table, coupsDir);
        return true;
    }

    /** Moves copies of a folder's files into a drop folder atomically, so a connector never reads half a file. */
    private static int drop(Path from, Path into) throws IOException {
        if (!Files.isDirectory(from)) {
            return 0;
        }
        Files.createDirectories(into);
        List<Path> files;
        try (Stream<Path> list = Files.list(from)) {
            files = list.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".md"))
                    .sorted().toList();
        }
        for (Path file : files) {
            dropFile(file, into);
        }
        return files.size();
    }

    /** Copies a file into a drop folder under a hidden name, then moves it into view in one step. */
    private static void dropFile(Path file, Path into) throws IOException {
        Path staged = into.resolve("." + file.getFileName());
        Files.copy(file, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, into.resolve(file.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
    }
}

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

    private Samples() {
    }

    /** Copies {@code samples/posts/*} into the post drop folder, once per data directory. */
    static void loadOnce(Path samplesDir, Path dataDir, Path postsDir) throws IOException {
        Path marker = dataDir.resolve(MARKER);
        Path posts = samplesDir.resolve("posts");
        if (Files.exists(marker) || !Files.isDirectory(posts)) {
            return;
        }
        Files.createDirectories(postsDir);
        List<Path> files;
        try (Stream<Path> list = Files.list(posts)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            Path staged = postsDir.resolve("." + file.getFileName());
            Files.copy(file, staged, StandardCopyOption.REPLACE_EXISTING);
            Files.move(staged, postsDir.resolve(file.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
        }
        Files.writeString(marker, "sample posts dropped into " + postsDir + "\n");
        LOG.info("dropped {} sample post reports into {}", files.size(), postsDir);
    }
}

package nl.horizon.app;

import nl.horizon.index.HorizonIndex;
import nl.horizon.index.HorizonIndexer;
import org.apache.kafka.common.utils.Utils;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code horizon rebuild-index}: builds a new index from the topics into a fresh folder, reporting
 * progress, and swaps it in for the old one only when it has caught up, so a failed rebuild leaves the
 * old index as it was. Horizon must be stopped: the rebuild takes the data directory's lock, as a running
 * Horizon does, so the two never share the index or the embedded broker's log.
 */
final class IndexRebuild {

    private IndexRebuild() {
    }

    /**
     * Rebuilds while holding the data directory's lock.
     *
     * @throws DataDirectoryLock.InUse while a Horizon runs on the data directory
     */
    static int run(HorizonConfig config, PrintStream out) throws IOException {
        try (DataDirectoryLock ignored = DataDirectoryLock.take(config.dataDir())) {
            return rebuild(config, out);
        }
    }

    private static int rebuild(HorizonConfig config, PrintStream out) throws IOException {
        Path live = config.dataDir().resolve("index");
        Path fresh = config.dataDir().resolve("index.rebuild");
        Utils.delete(fresh.toFile());
        EmbeddedBroker broker = config.embeddedBroker() ? EmbeddedBroker.start(config.dataDir().resolve("kafka"),
                config.embeddedPort(), config.embeddedControllerPort()) : null;
        try (HorizonIndex index = HorizonIndex.open(fresh)) {
            String bootstrap = broker != null ? broker.bootstrapServers() : config.bootstrapServers();
            try (HorizonIndexer indexer = new HorizonIndexer(index, bootstrap, config.kafkaClientSettings())) {
                long[] last = {-1};
                indexer.catchUp((done, total) -> {
                    if (done != last[0]) {
                        last[0] = done;
                        out.printf("rebuilding the index: %d of %d records (%d%%)%n", done, total,
                                total == 0 ? 100 : done * 100 / total);
                    }
                });
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
        Path old = config.dataDir().resolve("index.old");
        Utils.delete(old.toFile());
        if (Files.exists(live)) {
            Files.move(live, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(fresh, live, StandardCopyOption.ATOMIC_MOVE);
        Utils.delete(old.toFile());
        out.println("rebuilt the index in " + live);
        return 0;
    }
}

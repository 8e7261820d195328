package nl.horizon.app;

import nl.horizon.index.HorizonIndex;
import nl.horizon.index.HorizonIndexer;
import org.apache.kafka.common.utils.Utils;
import org.apache.lucene.store.LockObtainFailedException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code horizon rebuild-index}: builds a new index from the topics into a fresh folder, reporting
 * progress, and swaps it in for the old one only when it has caught up, so a failed rebuild leaves the
 * old index as it was. Horizon must be stopped (the index is locked while it runs).
 */
final class IndexRebuild {

    private IndexRebuild() {
    }

    static int run(HorizonConfig config, PrintStream out) throws IOException {
        Path live = config.dataDir().resolve("index");
        Path fresh = config.dataDir().resolve("index.rebuild");
        try (HorizonIndex ignored = HorizonIndex.open(live)) {
            // opening it proves no running Horizon holds it
        } catch (LockObtainFailedException e) {
            out.println("horizon: the index is in use; stop Horizon before rebuilding it");
            return 1;
        }
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

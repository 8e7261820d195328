package nl.horizon.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code kafka.bootstrap.servers} set, Horizon uses that cluster and starts no broker of its own. */
class ExternalClusterTest {

    @TempDir
    Path clusterDir;
    @TempDir
    Path dataDir;

    @Test
    void usesTheConfiguredClusterAndStartsNoBroker() throws Exception {
        try (EmbeddedBroker cluster = EmbeddedBroker.start(clusterDir, EmbeddedBroker.freePort(),
                EmbeddedBroker.freePort());
             Horizon horizon = Horizon.start(HorizonConfig.of(Map.of(
                     HorizonConfig.DATA_DIR, dataDir.toString(),
                HorizonConfig.SCORING_DIR, EmbeddedBrokerTest.repoConfig(),
                     HorizonConfig.KAFKA_BOOTSTRAP_SERVERS, cluster.bootstrapServers(),
                     HorizonConfig.HTTP_PORT, "0")))) {
            assertThat(horizon.bootstrapServers()).isEqualTo(cluster.bootstrapServers());
            assertThat(dataDir.resolve("kafka")).doesNotExist();
            assertThat(dataDir.resolve("index")).isDirectory();
        }
    }
}

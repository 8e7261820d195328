package nl.horizon.app;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HorizonConfigTest {

    @TempDir
    Path dir;

    @Test
    void nestedYamlIsFlattenedAndTheEnvironmentOverridesIt() throws Exception {
        Path file = write("""
                data:
                  dir: /var/lib/horizon
                http:
                  port: 9000
                kafka:
                  client:
                    security.protocol: SASL_SSL
                """);
        HorizonConfig config = HorizonConfig.load(file, Map.of("HORIZON_HTTP_PORT", "9100"));

        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/horizon"));
        assertThat(config.httpPort()).isEqualTo(9100);
        assertThat(config.embeddedBroker()).isTrue();
        assertThat(config.kafkaClientSettings()).containsEntry("security.protocol", "SASL_SSL");
        assertThat(config.postsDir()).isEqualTo(Path.of("/var/lib/horizon/inbox/posts"));
    }

    @Test
    void kafkaClientSecretsComeFromTheEnvironment() throws Exception {
        Path file = write("kafka:\n  client:\n    security.protocol: SASL_SSL\n    sasl.mechanism: SCRAM-SHA-512\n");
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"horizon\" "
                + "password=\"s3cret\";";
        HorizonConfig config = HorizonConfig.load(file, Map.of("HORIZON_KAFKA_CLIENT_SASL_JAAS_CONFIG", jaas,
                "HORIZON_KAFKA_CLIENT_SSL_TRUSTSTORE_PASSWORD", "changeit", "HORIZON_KAFKA_CLIENT_", "ignored"));

        assertThat(config.kafkaClientSettings()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("sasl.jaas.config", jaas)
                .containsEntry("ssl.truststore.password", "changeit").hasSize(4);
    }

    @Test
    void theShippedConfigurationIsValid() {
        Path shipped = Path.of(System.getProperty("horizon.root", "..")).resolve("config/horizon.yaml");
        assertThat(shipped).exists();
        assertThat(HorizonConfig.load(shipped, Map.of()).httpPort()).isEqualTo(8080);
    }

    @Test
    void aBadValueIsNamedWithItsKey() throws Exception {
        Path file = write("http:\n  port: eighty\n");
        assertThatThrownBy(() -> HorizonConfig.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("eighty").hasMessageContaining("http.port");
    }

    @Test
    void anUnknownKeyIsRejected() throws Exception {
        Path file = write("htp:\n  port: 80\n");
        assertThatThrownBy(() -> HorizonConfig.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown configuration key(s) [htp.port]");
    }

    @Test
    void startupWithABrokenConfigPrintsTheKeyAndExitsNonZero() throws Exception {
        Path file = write("kafka:\n  topic:\n    partitions: -3\n");
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.run(new String[] {"--config", file.toString()});
        } finally {
            System.setErr(original);
        }
        assertThat(exit).isEqualTo(Main.CONFIG_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("configuration error").contains("kafka.topic.partitions").contains("-3");
    }

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("horizon.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}

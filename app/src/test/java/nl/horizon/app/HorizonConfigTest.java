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
import java.util.Optional;

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
        assertThat(config.coupsDir()).isEqualTo(Path.of("/var/lib/horizon/inbox/coups"));
        assertThat(config.samplesCoupsFile()).isEmpty();
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
        // the demo drops Powell & Thyne's coup table in where ../shared/data has it
        assertThat(HorizonConfig.load(shipped, Map.of()).samplesCoupsFile())
                .contains(Path.of("../shared/data/conflict-labels/powell_thyne_coups_1950-2019.csv"));
    }

    @Test
    void aBadValueIsNamedWithItsKey() throws Exception {
        Path file = write("http:\n  port: eighty\n");
        assertThatThrownBy(() -> HorizonConfig.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("eighty").hasMessageContaining("http.port");
    }

    @Test
    void linksStartWithTheConfiguredPublicAddressWhichMustBeOne() throws Exception {
        assertThat(HorizonConfig.load(write("http:\n  port: 9000\n"), Map.of()).publicBaseUrl()).isEmpty();
        assertThat(HorizonConfig.load(write("http:\n  public.base.url: https://horizon.example.org/\n"), Map.of())
                .publicBaseUrl()).hasValue("https://horizon.example.org");
        for (String bad : new String[] {"horizon.example.org", "javascript:alert(1)", "https://u:p@horizon.example.org",
                "https://horizon.example.org/?next=x"}) {
            Path file = write("http:\n  public.base.url: \"" + bad + "\"\n");
            assertThatThrownBy(() -> HorizonConfig.load(file, Map.of())).as(bad)
                    .isInstanceOf(ConfigException.class).hasMessageContaining("http.public.base.url");
        }
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
        Launch launch = launch("--config", file.toString());
        assertThat(launch.status()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(launch.stderr()).contains("configuration error").contains("kafka.topic.partitions").contains("-3");
    }

    @Test
    void aConfigFileThatDoesNotExistIsAnErrorNamingIt() throws Exception {
        Path missing = dir.resolve("horizon-prod.yaml");
        assertThatThrownBy(() -> HorizonConfig.load(missing, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage("configuration file " + missing.toAbsolutePath() + " does not exist");

        Launch launch = launch("--config", missing.toString());
        assertThat(launch.status()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(launch.stderr()).contains("configuration error").contains(missing.toAbsolutePath().toString());
    }

    @Test
    void horizonVariablesThatConfigureNothingAreReportedButDoNotStopTheStart() throws Exception {
        Path file = write("http:\n  port: 9000\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        HorizonConfig config = Main.configuration(Optional.of(file), Map.of(
                "HORIZON_HTTP_PROT", "9100",
                "HORIZON_KAFKA_BOOTSTRAP_SERVER", "kafka:9092",
                "HORIZON_DASHBOARD_THEME", "dark",
                "HORIZON_HTTP_HOST", "0.0.0.0",
                "HORIZON_KAFKA_CLIENT_SASL_MECHANISM", "PLAIN",
                "HORIZON_REQUIRE_DOCKER", "true",
                "HORIZON_REQUIRE_JAVA17", "true",
                "PATH", "/usr/bin"), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(config.httpPort()).as("the misspelt override is ignored").isEqualTo(9000);
        assertThat(config.httpHost()).isEqualTo("0.0.0.0");
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "horizon: warning: environment variable HORIZON_DASHBOARD_THEME configures nothing and is ignored "
                        + "(a key's variable is HORIZON_<KEY> with dots as underscores, or "
                        + "HORIZON_KAFKA_CLIENT_<SETTING>)",
                "horizon: warning: environment variable HORIZON_HTTP_PROT configures nothing and is ignored; "
                        + "did you mean HORIZON_HTTP_PORT?",
                "horizon: warning: environment variable HORIZON_KAFKA_BOOTSTRAP_SERVER configures nothing and is "
                        + "ignored; did you mean HORIZON_KAFKA_BOOTSTRAP_SERVERS?");
    }

    private static Launch launch(String... args) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Launch(Main.run(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private record Launch(int status, String stderr) {
    }

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("horizon.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}

package nl.horizon.docker;

import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.app.EmbeddedBroker;
import nl.horizon.schema.Json;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Horizon's image, built here by {@code docker/build-image.sh} from a Debian base made with debootstrap,
 * run with Testcontainers on host networking (all traffic on 127.0.0.1; no image is ever pulled). Without a
 * Docker engine the tests are skipped, unless {@code HORIZON_REQUIRE_DOCKER=true} (as in CI) makes that a
 * failure.
 */
class ImageSmokeIT {

    private static final String IMAGE = "horizon:test";
    private static final Path ROOT = Path.of(System.getProperty("horizon.root", ".."));
    private static final String CLUSTER_ID = "MkU3OEVBNTcwNTJENDM2Qg";

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void buildImage() throws Exception {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            if ("true".equals(System.getenv("HORIZON_REQUIRE_DOCKER"))) {
                fail("HORIZON_REQUIRE_DOCKER is set but no Docker engine answers");
            }
            Assumptions.abort("no Docker engine: the image is not built or tested");
        }
        Path log = Path.of("target", "build-image.log");
        Files.createDirectories(log.getParent());
        Process build = new ProcessBuilder(ROOT.resolve("docker/build-image.sh").toString(), IMAGE)
                .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(build.waitFor(15, TimeUnit.MINUTES)).as("image built within 15 minutes").isTrue();
        assertThat(build.exitValue()).as("docker/build-image.sh: %s", Files.readString(log)).isZero();
    }

    @Test
    void theImageRunsThePipelineOnItsEmbeddedBrokerWithTheSamples() throws Exception {
        int port = freePort();
        try (GenericContainer<?> horizon = horizon(port).withEnv("HORIZON_KAFKA_EMBEDDED_PORT",
                        Integer.toString(freePort()))
                .withEnv("HORIZON_KAFKA_EMBEDDED_CONTROLLER_PORT", Integer.toString(freePort()))) {
            horizon.start();
            String token = token(horizon);
            awaitReports(port, token);
            JsonNode health = get(port, token, "/health");
            assertThat(health.path("components").path("streams").asText()).isEqualTo("up");
            assertThat(horizon.execInContainer("id", "-u").getStdout().strip()).as("runs as a plain user")
                    .isEqualTo("10001");
        }
    }

    @Test
    void twoInstancesShareTheWorkOfAThreeBrokerClusterAndEachServesSearch() throws Exception {
        List<Integer> ports = List.of(freePort(), freePort(), freePort());
        List<Integer> controllers = List.of(freePort(), freePort(), freePort());
        StringBuilder voters = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            voters.append(i == 0 ? "" : ",").append(i + 1).append("@127.0.0.1:").append(controllers.get(i));
        }
        String bootstrap = String.join(",", ports.stream().map(p -> "127.0.0.1:" + p).toList());
        List<GenericContainer<?>> started = new ArrayList<>();
        try {
            List<GenericContainer<?>> brokers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                brokers.add(container().withCommand("broker", "--node", Integer.toString(i + 1),
                                "--listen", "127.0.0.1:" + ports.get(i), "--voters", voters.toString(),
                                "--cluster-id", CLUSTER_ID, "--dir", "/var/lib/horizon/kafka")
                        .waitingFor(Wait.forLogMessage(".*Kafka node \\d+ listening.*", 1)
                                .withStartupTimeout(Duration.ofMinutes(2))));
            }
            started.addAll(brokers);
            // a node finishes starting only once the quorum has a leader: start all three together
            Startables.deepStart(brokers).join();
            int first = freePort();
            int second = freePort();
            GenericContainer<?> one = horizon(first).withEnv("HORIZON_KAFKA_BOOTSTRAP_SERVERS", bootstrap)
                    .withEnv("HORIZON_KAFKA_TOPIC_REPLICATION_FACTOR", "3");
            started.add(one);
            one.start();
            GenericContainer<?> two = horizon(second).withEnv("HORIZON_KAFKA_BOOTSTRAP_SERVERS", bootstrap)
                    .withEnv("HORIZON_KAFKA_TOPIC_REPLICATION_FACTOR", "3").withEnv("HORIZON_SAMPLES_DIR", "");
            started.add(two);
            two.start();

            long onFirst = awaitReports(first, token(one));
            assertThat(awaitReports(second, token(two))).as("the second instance indexes everything too")
                    .isEqualTo(onFirst);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
                int members = 0;
                while (members < 2 && Instant.now().isBefore(deadline)) {
                    members = admin.describeConsumerGroups(List.of("horizon-streams")).all().get()
                            .get("horizon-streams").members().size();
                    Thread.sleep(500);
                }
                assertThat(members).as("Kafka Streams members sharing the partitions").isEqualTo(2);
            }
        } finally {
            for (GenericContainer<?> container : started.reversed()) {
                container.stop();
            }
        }
    }

    private static GenericContainer<?> container() {
        return new GenericContainer<>(DockerImageName.parse(IMAGE)).withImagePullPolicy(image -> false)
                .withNetworkMode("host");
    }

    private static GenericContainer<?> horizon(int port) {
        return container().withEnv("HORIZON_HTTP_HOST", "127.0.0.1").withEnv("HORIZON_HTTP_PORT", Integer.toString(port))
                .waitingFor(Wait.forLogMessage(".*Horizon is running.*", 1).withStartupTimeout(Duration.ofMinutes(3)));
    }

    /** The demo analyst's token, which the instance keeps in its data directory. */
    private static String token(GenericContainer<?> horizon) throws Exception {
        return horizon.execInContainer("cat", "/var/lib/horizon/demo-token").getStdout().strip();
    }

    /** Waits until the sample reports are searchable and their count stops growing; returns it. */
    private long awaitReports(int port, String token) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        long seen = 0;
        Instant changed = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            long now = get(port, token, "/api/search?kind=report&limit=1").path("total").asLong();
            if (now != seen) {
                seen = now;
                changed = Instant.now();
            } else if (seen > 0 && Duration.between(changed, Instant.now()).toSeconds() >= 10) {
                return seen;
            }
            Thread.sleep(500);
        }
        assertThat(seen).as("sample reports searchable on port %d", port).isPositive();
        return seen;
    }

    private JsonNode get(int port, String token, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(response.body());
    }

    private static int freePort() throws IOException {
        return EmbeddedBroker.freePort();
    }
}

package nl.horizon.app;

import nl.horizon.ingest.folder.DropFolderConfig;
import nl.horizon.ingest.folder.DropFolderConnector;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded worker's REST API answers only requests that carry the secret from its data directory. */
class EmbeddedConnectTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void restApiRefusesRequestsWithoutTheSecret() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("kafka"), EmbeddedBroker.freePort(),
                EmbeddedBroker.freePort());
             EmbeddedConnect connect = EmbeddedConnect.start(broker.bootstrapServers(), dir.resolve("connect"), Map.of())) {
            connect.run("posts", Map.of("connector.class", DropFolderConnector.class.getName(), "tasks.max", "1",
                    DropFolderConfig.DIR, Files.createDirectories(dir.resolve("inbox")).toString()));
            Path secretFile = dir.resolve("connect").resolve(EmbeddedConnect.REST_SECRET);
            assertThat(Files.getPosixFilePermissions(secretFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            String secret = Files.readString(secretFile).strip();
            URI api = connect.restUrl();

            assertThat(send(HttpRequest.newBuilder(api.resolve("/connectors")), null).statusCode()).isEqualTo(401);
            assertThat(send(HttpRequest.newBuilder(api.resolve("/")), "Bearer wrong").statusCode()).isEqualTo(401);
            assertThat(send(HttpRequest.newBuilder(api.resolve("/connectors")), secret).statusCode()).isEqualTo(401);
            HttpResponse<String> pause = send(HttpRequest.newBuilder(api.resolve("/connectors/posts/pause"))
                    .PUT(HttpRequest.BodyPublishers.noBody()), null);
            HttpResponse<String> create = send(HttpRequest.newBuilder(api.resolve("/connectors"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"intruder\",\"config\":{\"connector.class\":\""
                            + DropFolderConnector.class.getName() + "\",\"folder.dir\":\"/tmp\"}}")), null);
            assertThat(pause.statusCode()).isEqualTo(401);
            assertThat(create.statusCode()).isEqualTo(401);
            assertThat(connect.status("posts").connector().state()).isEqualTo("RUNNING");

            HttpResponse<String> listed = send(HttpRequest.newBuilder(api.resolve("/connectors")), "Bearer " + secret);
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.body()).isEqualTo("[\"posts\"]");
            ConnectorStateInfo posts = connect.status("posts");
            assertThat(posts.connector().state()).isEqualTo("RUNNING");
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String authorization) throws Exception {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package nl.horizon.app;

import nl.horizon.ingest.RecordEncoding;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Kafka Connect standalone worker in this process, running Horizon's source connectors. The same
 * connectors deploy unchanged into any Connect cluster. Source offsets are kept in a file under
 * {@code <data.dir>/connect}, so they survive a restart. Horizon drives the worker through its herder, not
 * over HTTP, but Connect always starts its REST interface: it listens on a free loopback port and answers
 * only requests carrying the bearer secret in {@code <data.dir>/connect/rest-secret}
 * ({@link ConnectRestAuthentication}), so no other local process can pause or create connectors.
 */
public final class EmbeddedConnect implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedConnect.class);

    /** The file, under the worker's state directory, with the secret its REST interface asks for. */
    public static final String REST_SECRET = "rest-secret";

    private final Connect<StandaloneHerder> connect;

    private EmbeddedConnect(Connect<StandaloneHerder> connect) {
        this.connect = connect;
    }

    /** Starts the worker. */
    public static EmbeddedConnect start(String bootstrapServers, Path stateDir, Map<String, Object> clientSettings)
            throws IOException {
        Files.createDirectories(stateDir);
        Map<String, String> worker = new HashMap<>();
        clientSettings.forEach((k, v) -> {
            worker.put(k, String.valueOf(v));
            worker.put("producer." + k, String.valueOf(v));
        });
        worker.put("bootstrap.servers", bootstrapServers);
        worker.putAll(RecordEncoding.CONVERTERS);
        worker.put("offset.storage.file.filename", stateDir.resolve("offsets").toAbsolutePath().toString());
        worker.put("offset.flush.interval.ms", "1000");
        worker.put("listeners", "http://127.0.0.1:0");
        worker.put("admin.listeners", ""); // no /admin endpoints (log levels) at all
        worker.put("rest.extension.classes", ConnectRestAuthentication.class.getName());
        worker.put(ConnectRestAuthentication.SECRET_FILE, stateDir.resolve(REST_SECRET).toAbsolutePath().toString());
        worker.put("plugin.discovery", "service_load");
        worker.put("producer.acks", "all");
        worker.put("producer.enable.idempotence", "true");
        worker.put("producer.linger.ms", "5");
        EmbeddedConnect started = new EmbeddedConnect(new ConnectStandalone().startConnect(worker));
        LOG.info("Kafka Connect REST API at {} (bearer secret in {})", started.restUrl(), stateDir.resolve(REST_SECRET));
        return started;
    }

    /**
     * Creates or replaces a connector and waits until the worker accepted it. The connector gets the
     * converters every Horizon connector needs ({@link RecordEncoding}).
     */
    public void run(String name, Map<String, String> config) {
        Map<String, String> withName = new HashMap<>(config);
        withName.putAll(RecordEncoding.CONVERTERS);
        withName.put("name", name);
        FutureCallback<Herder.Created<ConnectorInfo>> done = new FutureCallback<>();
        connect.herder().putConnectorConfig(name, withName, true, done);
        try {
            done.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("connector " + name + " was refused: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted starting connector " + name, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("connector " + name + " did not start in 60 s", e);
        }
    }

    /** The state of a connector and its tasks, e.g. RUNNING or FAILED with the trace. */
    public ConnectorStateInfo status(String name) {
        return connect.herder().connectorStatus(name);
    }

    /** Where the REST interface listens, e.g. {@code http://127.0.0.1:40123/}. */
    public URI restUrl() {
        return connect.rest().serverUrl();
    }

    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
    }
}

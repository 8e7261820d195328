package nl.horizon.app;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A KRaft node (broker and controller) in this process. Alone, it is the embedded default: its log lives
 * under {@code <data.dir>/kafka}, formatted once and reused, so topics and offsets survive a restart, and it
 * listens on 127.0.0.1 only; internal topics (offsets, transactions) then have replication factor 1 and
 * min ISR 1, which exactly-once Streams needs on one node. As one of three or more nodes of a quorum
 * ({@code horizon broker}), internal topics are replicated three times with a min ISR of 2, so the
 * cluster keeps accepting acknowledged writes with one node down.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats the log directory if it is new, then starts a single-node broker on 127.0.0.1. */
    public static EmbeddedBroker start(Path logDir, int port, int controllerPort) throws IOException {
        return startNode(logDir, 1, "127.0.0.1:" + port, "1@127.0.0.1:" + controllerPort, Uuid.randomUuid().toString());
    }

    /**
     * Formats the log directory if it is new, then starts one node of a quorum.
     *
     * @param listen    {@code host:port} of the client listener; the controller listens on the port its entry
     *                  in {@code voters} names, on the same host
     * @param voters    every node of the quorum as {@code id@host:controllerPort}, comma-separated
     * @param clusterId the cluster's id, the same on every node; used only when the directory is new
     */
    public static EmbeddedBroker startNode(Path logDir, int nodeId, String listen, String voters, String clusterId)
            throws IOException {
        Files.createDirectories(logDir);
        Properties props = settings(logDir, nodeId, listen, voters);
        format(logDir, props, clusterId);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        LOG.info("Kafka node {} listening on {} (log in {})", nodeId, listen, logDir);
        return new EmbeddedBroker(server, listen);
    }

    /** A loopback port free right now, for a broker listener of a throw-away broker (tests, load runs). */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    private static Properties settings(Path logDir, int nodeId, String listen, String voters) {
        String host = listen.substring(0, listen.lastIndexOf(':'));
        String controller = java.util.Arrays.stream(voters.split(",")).map(String::strip)
                .filter(v -> v.startsWith(nodeId + "@")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("node " + nodeId + " is not among the voters " + voters));
        String controllerPort = controller.substring(controller.lastIndexOf(':') + 1);
        int nodes = voters.split(",").length;
        String replicas = Integer.toString(Math.min(3, nodes));
        String minIsr = nodes >= 3 ? "2" : "1";
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "PLAINTEXT://" + listen + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + listen);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("offsets.topic.replication.factor", replicas);
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", replicas);
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", replicas);
        p.put("share.coordinator.state.topic.min.isr", minIsr);
        p.put("min.insync.replicas", minIsr);
        p.put("default.replication.factor", replicas);
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        // the log cleaner's dedupe buffer (default 128 MB) lives in this process's heap; Horizon's compacted
        // topics are small, and the load run showed the cleaner clearing the full buffer again and again
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 << 20));
        return p;
    }

    /** Formats a new log directory once; an existing one keeps its cluster id and data. */
    private static void format(Path logDir, Properties props, String clusterId) throws IOException {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        Path file = logDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            props.store(out, "written by Horizon when it formatted this log directory");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c",
                file.toString()}, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IOException("cannot format the Kafka log in " + logDir + ": "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}

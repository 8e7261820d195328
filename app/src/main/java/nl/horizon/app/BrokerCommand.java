package nl.horizon.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code horizon broker}: one node of a Kafka cluster (KRaft, every node broker and controller), from the
 * same jar and classpath as Horizon itself. Three of them make the cluster of the compose file and of the
 * fault tests, where a broker is killed and restarted while Horizon ingests. Runs until stopped; a
 * SIGTERM shuts the node down cleanly, a SIGKILL is a crash.
 */
final class BrokerCommand {

    private static final List<String> REQUIRED = List.of("--node", "--listen", "--voters", "--cluster-id", "--dir");

    private BrokerCommand() {
    }

    static int run(String[] args, PrintStream err) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!REQUIRED.contains(args[i]) || i + 1 == args.length) {
                return usage(err, "unknown or incomplete argument '" + args[i] + "'");
            }
            options.put(args[i], args[++i]);
        }
        if (!options.keySet().containsAll(REQUIRED)) {
            return usage(err, "missing " + REQUIRED.stream().filter(r -> !options.containsKey(r)).toList());
        }
        int node;
        try {
            node = Integer.parseInt(options.get("--node"));
        } catch (NumberFormatException e) {
            return usage(err, "--node must be a number, not '" + options.get("--node") + "'");
        }
        EmbeddedBroker broker;
        try {
            broker = EmbeddedBroker.startNode(Path.of(options.get("--dir")), node, options.get("--listen"),
                    options.get("--voters"), options.get("--cluster-id"));
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-shutdown"));
        stopped.await();
        return 0;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("horizon broker: " + problem);
        err.println("usage: horizon broker --node ID --listen HOST:PORT --voters ID@HOST:PORT,... --cluster-id ID --dir DIR");
        return Main.USAGE_ERROR;
    }
}

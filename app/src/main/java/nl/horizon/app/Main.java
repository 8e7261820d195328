package nl.horizon.app;

import org.apache.kafka.common.config.ConfigException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code horizon} command. {@code horizon [run] [--config FILE]} starts the pipeline and serves
 * until stopped; a configuration error prints the key and value at fault and exits with status 2.
 */
public final class Main {

    static final int CONFIG_ERROR = 2;
    static final int USAGE_ERROR = 64;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        Path configFile = Path.of("config", "horizon.yaml");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> {
                    if (i + 1 == args.length) {
                        return usage("--config needs a file");
                    }
                    configFile = Path.of(args[++i]);
                }
                case "run" -> {
                    // the only command so far, and the default
                }
                case "-h", "--help" -> {
                    usage(null);
                    return 0;
                }
                default -> {
                    return usage("unknown argument '" + args[i] + "'");
                }
            }
        }
        HorizonConfig config;
        try {
            config = HorizonConfig.load(configFile, System.getenv());
        } catch (ConfigException e) {
            System.err.println("horizon: configuration error: " + e.getMessage());
            return CONFIG_ERROR;
        }
        return serve(config);
    }

    private static int serve(HorizonConfig config) throws Exception {
        Horizon horizon = Horizon.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            horizon.close();
            stopped.countDown();
        }, "horizon-shutdown"));
        System.out.printf("%nHorizon is running.%n  API:    http://%s:%d/api/search?q=...%n  Health: http://%s:%d/health%n"
                        + "  Kafka:  %s%n  Posts:  drop reports into %s%nPress Ctrl-C to stop.%n%n",
                config.httpHost(), horizon.httpPort(), config.httpHost(), horizon.httpPort(),
                horizon.bootstrapServers(), config.postsDir().toAbsolutePath());
        stopped.await();
        return 0;
    }

    private static int usage(String problem) {
        if (problem != null) {
            System.err.println("horizon: " + problem);
        }
        System.err.println("usage: horizon [run] [--config FILE]   (default config/horizon.yaml)");
        return problem == null ? 0 : USAGE_ERROR;
    }
}

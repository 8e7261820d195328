package nl.horizon.app;

import nl.horizon.app.web.Accounts;

import nl.horizon.streams.ScoringModel;
import org.apache.kafka.common.config.ConfigException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code horizon} command. {@code horizon [run] [--config FILE]} starts the pipeline and serves
 * until stopped; a configuration error prints the key and value at fault (or the missing file) and exits
 * with status 2, as does a data directory that another Horizon holds.
 * {@code horizon rebuild-index} rebuilds the search index from the topics; {@code horizon token} makes a
 * bearer token and the hash to store for it.
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
        Optional<Path> configFile = Optional.empty();
        String command = "run";
        if (args.length > 0 && args[0].equals("token")) {
            return token();
        }
        if (args.length > 0 && args[0].equals("bench")) {
            LoadRun.Options options;
            try {
                options = LoadRun.Options.parse(Arrays.asList(args).subList(1, args.length));
            } catch (IllegalArgumentException e) {
                return usage(e.getMessage());
            }
            return LoadRun.run(options, Path.of("data", "bench-" + System.currentTimeMillis()), System.out);
        }
        if (args.length > 0 && args[0].equals("broker")) {
            return BrokerCommand.run(Arrays.copyOfRange(args, 1, args.length), System.err);
        }
        if (args.length > 0 && args[0].equals("forecast-fit")) {
            return ForecastFitCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
        }
        if (args.length > 0 && args[0].equals("backtest")) {
            return BacktestCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
        }
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> {
                    if (i + 1 == args.length) {
                        return usage("--config needs a file");
                    }
                    configFile = Optional.of(Path.of(args[++i]));
                }
                case "run", "rebuild-index" -> command = args[i];
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
            config = configuration(configFile, System.getenv(), System.err);
            ScoringModel.load(config.scoringDir());
            config.markings();
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("horizon: configuration error: " + e.getMessage());
            return CONFIG_ERROR;
        }
        try {
            return "rebuild-index".equals(command) ? IndexRebuild.run(config, System.out) : serve(config);
        } catch (DataDirectoryLock.InUse e) {
            System.err.println("horizon: " + e.getMessage());
            return CONFIG_ERROR;
        }
    }

    /**
     * The configuration of a command: the file given with {@code --config}, which must exist, or else the
     * default file, with {@code env}'s overrides. {@code HORIZON_*} variables that configure nothing are
     * reported on {@code err}.
     *
     * @throws ConfigException naming the file, the key and the bad value
     */
    static HorizonConfig configuration(Optional<Path> file, Map<String, String> env, PrintStream err) {
        StrayVariables.warnings(env).forEach(warning -> err.println("horizon: warning: " + warning));
        return file.isPresent() ? HorizonConfig.load(file.get(), env) : HorizonConfig.loadDefault(env);
    }

    private static int serve(HorizonConfig config) throws Exception {
        Horizon horizon = Horizon.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            horizon.close();
            stopped.countDown();
        }, "horizon-shutdown"));
        String base = "http://" + config.httpHost() + ":" + horizon.httpPort();
        Path demoToken = config.dataDir().resolve(Horizon.DEMO_TOKEN);
        System.out.printf("%nHorizon is running.%n  Dashboard: %s/%s%n  API:       %s/api/search?q=...%n"
                        + "  Health:    %s/health%n  Kafka:     %s%n  Posts:     drop reports into %s%n"
                        + "Press Ctrl-C to stop.%n%n", base,
                java.nio.file.Files.exists(demoToken) ? "  (no reader accounts configured: sign in as the demo "
                        + "analyst with the token in " + demoToken.toAbsolutePath() + ")" : "",
                base, base, horizon.bootstrapServers(), config.postsDir().toAbsolutePath());
        stopped.await();
        return 0;
    }

    /** Prints a new bearer token and the hash that goes into the accounts file. */
    private static int token() {
        String token = Accounts.newToken();
        System.out.println("token:        " + token);
        System.out.println("token-sha256: " + nl.horizon.schema.ContentHash.of(token));
        System.out.println();
        System.out.println("Give the token to the account holder (it is not stored anywhere) and put the hash in");
        System.out.println("config/accounts.yaml, e.g.:");
        System.out.println("  - name: bamako");
        System.out.println("    roles: [ingest-post]");
        System.out.println("    clearance: departmental-confidential");
        System.out.println("    token-sha256: " + nl.horizon.schema.ContentHash.of(token));
        return 0;
    }

    private static int usage(String problem) {
        if (problem != null) {
            System.err.println("horizon: " + problem);
        }
        System.err.println("usage: horizon [run] [--config FILE]   start the pipeline (default config/horizon.yaml)");
        System.err.println("       horizon rebuild-index            rebuild the search index from the topics (stop Horizon first)");
        System.err.println("       horizon backtest [--input FILE] [--from YYYY-MM] [--to YYYY-MM] [--out DIR]");
        System.err.println("                        [--history-from YYYY-MM] [--reference-from YYYY-MM]");
        System.err.println("                        [--alert-level watch|warning|alert] [--config FILE]");
        System.err.println("                        [--labels DIR] [--published FILE] [--gdelt ISO3=FILE ...]");
        System.err.println("                        [--structural DIR] [--forecast FILE]");
        System.err.println("                                        replay history through the scoring and measure it");
        System.err.println("       horizon forecast-fit --version ID [--until YYYY-MM] [--validate-from YYYY-MM,YYYY-MM]");
        System.err.println("                        [--input FILE] [--labels DIR] [--structural DIR] [--out FILE]");
        System.err.println("                                        fit the onset forecast (config/forecast.yaml)");
        System.err.println("       horizon bench [REPORTS [RATE]] [--warm-up N] [--threads N] [--partitions N] [--instances N]");
        System.err.println("                                        end-to-end load run on a fresh embedded broker");
        System.err.println("       horizon token                    make a bearer token for config/accounts.yaml");
        System.err.println("       horizon broker --node ID --listen HOST:PORT --voters ID@HOST:PORT,... --cluster-id ID --dir DIR");
        System.err.println("                                        one node of a Kafka cluster (docker/, fault tests)");
        return problem == null ? 0 : USAGE_ERROR;
    }
}

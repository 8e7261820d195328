package nl.horizon.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.horizon.schema.ContentHash;
import nl.horizon.schema.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher as its own process, killed with SIGKILL at random moments while it ingests a known set of
 * reports (the sample event history, 1,339 events in monthly files), then started again, ten times. After
 * the last start every report is searchable exactly once and the signals are exactly those of a run
 * that was never interrupted (their revisions aside: when a result was published is bookkeeping). The seed
 * is printed so a failure can be replayed with {@code -Dhorizon.kill.seed=...}.
 */
class KillNineIT {

    private static final int KILLS = 10;
    private static final String TOKEN = "kill-nine-viewer";
    /** An operator's, for the metrics: whether scoring has caught up with everything read. */
    private static final String OPERATOR_TOKEN = "kill-nine-operator";

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void killedAtRandomMomentsItLosesNothingAndDuplicatesNothing() throws Exception {
        long seed = Long.getLong("horizon.kill.seed", System.nanoTime());
        System.out.println("kill -9 campaign seed: " + seed);
        Random random = new Random(seed);

        Instance reference = new Instance(tmp.resolve("reference"));
        reference.start();
        reference.dropInputs();
        int reports = reference.awaitReports(-1, Duration.ofMinutes(4));
        TreeMap<String, JsonNode> expected = reference.awaitStableSignals(Duration.ofMinutes(3));
        reference.kill();
        assertThat(reports).isEqualTo(expectedReports());
        assertThat(expected).as("the reference run raises signals to compare").isNotEmpty();

        Instance killed = new Instance(tmp.resolve("killed"));
        killed.start();
        killed.dropInputs();
        for (int i = 0; i < KILLS; i++) {
            Thread.sleep(500 + random.nextInt(5_000));
            killed.kill();
            killed.start();
        }
        assertThat(killed.awaitReports(reports, Duration.ofMinutes(4))).isEqualTo(reports);
        // after the last start Streams restores its state from the changelogs before it catches up
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        TreeMap<String, JsonNode> actual = killed.signals();
        while (!actual.equals(expected) && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            actual = killed.signals();
        }
        killed.kill();
        assertThat(actual).as("signals after %d kills (seed %d)", KILLS, seed).isEqualTo(expected);
    }

    private static int expectedReports() throws IOException {
        try (var lines = Files.lines(samples().resolve("events/demo-events-2025-2026.csv"))) {
            return (int) lines.count() - 1;
        }
    }

    private static Path samples() {
        return Path.of(System.getProperty("horizon.root", "..")).resolve("samples");
    }

    /** One Horizon process over a data directory that outlives it. */
    private final class Instance {

        private final Path dir;
        private final Path config;
        private final int httpPort;
        private Process process;
        private int starts;

        Instance(Path dir) throws IOException {
            this.dir = dir;
            Files.createDirectories(dir);
            this.httpPort = EmbeddedBroker.freePort();
            Path accounts = dir.resolve("accounts.yaml");
            Files.writeString(accounts, "accounts:\n  - {name: viewer, roles: [viewer], clearance: secret, "
                    + "token-sha256: " + ContentHash.of(TOKEN) + "}\n  - {name: operator, roles: [admin], "
                    + "clearance: top-secret, token-sha256: " + ContentHash.of(OPERATOR_TOKEN) + "}\n");
            Files.writeString(dir.resolve("feeds.yaml"), "feeds: []\n");
            config = dir.resolve("horizon.yaml");
            Files.writeString(config, String.join("\n",
                    "data.dir: " + dir.resolve("data"),
                    "kafka.embedded.port: " + EmbeddedBroker.freePort(),
                    "kafka.embedded.controller.port: " + EmbeddedBroker.freePort(),
                    "http.port: " + httpPort,
                    "ingest.posts.poll.interval.ms: 100",
                    "ingest.feeds.file: " + dir.resolve("feeds.yaml"),
                    "security.accounts.file: " + accounts,
                    "samples.dir: \"\"",
                    "scoring.config.dir: " + EmbeddedBrokerTest.repoConfig(), ""));
        }

        void start() throws Exception {
            starts++;
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            process = new ProcessBuilder(java.toString(), "-Xmx512m", "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("horizon.log").toFile())).start();
            Instant deadline = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(deadline)) {
                assertThat(process.isAlive()).as("start %d of %s (see %s)", starts, dir, dir.resolve("horizon.log"))
                        .isTrue();
                try {
                    if (get("/health/live").statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new AssertionError("Horizon did not start within 120 s; see " + dir.resolve("horizon.log"));
        }

        /** SIGKILL: no shutdown hook, no flush, no commit. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        /**
         * The sample event history as one file per month, each moved in atomically. One connector reads them
         * in name order, so the event-time order of arrival is the same in every run: what differs between
         * runs is only where the kills fall. (Two sources racing each other arrive in a different order
         * from run to run, and an observation older than the watermark is late by design; see
         * RELIABILITY.md.)
         */
        void dropInputs() throws IOException {
            Path events = dir.resolve("data/inbox/events");
            Files.createDirectories(events);
            List<String> lines = Files.readAllLines(samples().resolve("events/demo-events-2025-2026.csv"));
            TreeMap<String, List<String>> byMonth = new TreeMap<>();
            for (String row : lines.subList(1, lines.size())) {
                String month = row.split(",", 3)[1].substring(0, 7);
                byMonth.computeIfAbsent(month, m -> new ArrayList<>(List.of(lines.get(0)))).add(row);
            }
            for (var month : byMonth.entrySet()) {
                Path staged = events.resolve(".events-" + month.getKey() + ".csv");
                Files.write(staged, month.getValue());
                Files.move(staged, events.resolve("events-" + month.getKey() + ".csv"), StandardCopyOption.ATOMIC_MOVE);
            }
        }

        /** Waits until {@code count} reports are searchable (-1: until the count stops growing). */
        int awaitReports(int count, Duration timeout) throws Exception {
            Instant deadline = Instant.now().plus(timeout);
            int seen = -1;
            Instant changed = Instant.now();
            while (Instant.now().isBefore(deadline)) {
                int now = total("/api/search?kind=report&limit=1");
                if (now != seen) {
                    seen = now;
                    changed = Instant.now();
                }
                if (count >= 0 ? seen >= count : seen > 0 && Duration.between(changed, Instant.now()).toSeconds() > 15) {
                    return seen;
                }
                Thread.sleep(500);
            }
            return seen;
        }

        /**
         * The signals once they have stayed the same for 15 s with no scoring task holding unscored input
         * ({@link nl.horizon.streams.ScoringBacklog}): the forecaster and the detector rest after long runs, for
         * longer than 15 s on a loaded machine, and a snapshot taken during a rest held a forecast warning that
         * the rest of the input withdrew.
         */
        TreeMap<String, JsonNode> awaitStableSignals(Duration timeout) throws Exception {
            Instant deadline = Instant.now().plus(timeout);
            TreeMap<String, JsonNode> last = signals();
            Instant changed = Instant.now();
            while (Instant.now().isBefore(deadline)) {
                Thread.sleep(1000);
                TreeMap<String, JsonNode> now = signals();
                if (!now.equals(last)) {
                    last = now;
                    changed = Instant.now();
                } else if (Duration.between(changed, Instant.now()).toSeconds() >= 15 && scoringCaughtUp()) {
                    return last;
                }
            }
            return last;
        }

        /** Whether the instance's metrics say no scoring task holds input it has not scored yet. */
        private boolean scoringCaughtUp() throws Exception {
            HttpResponse<String> metrics = get("/metrics", OPERATOR_TOKEN);
            return metrics.statusCode() == 200 && metrics.body().lines()
                    .anyMatch(line -> line.matches("horizon_scoring_waiting(\\{.*})? 0(\\.0)?"));
        }

        /** Every standing signal in the index by id, without its revision (when and how it got there). */
        TreeMap<String, JsonNode> signals() throws Exception {
            TreeMap<String, JsonNode> byId = new TreeMap<>();
            List<JsonNode> hits = new ArrayList<>();
            for (int offset = 0; ; offset += 100) {
                JsonNode page = Json.mapper().readTree(get("/api/search?kind=signal&sort=time&limit=100&offset="
                        + offset).body());
                page.path("hits").forEach(hits::add);
                if (page.path("hits").size() < 100) {
                    break;
                }
            }
            for (JsonNode hit : hits) {
                ObjectNode signal = hit.path("document").deepCopy();
                if (!signal.path("lifecycle").asText().equals("withdrawn")) {
                    signal.remove("revision");
                    byId.put(hit.path("id").asText(), signal);
                }
            }
            return byId;
        }

        private int total(String path) throws Exception {
            HttpResponse<String> response = get(path);
            return response.statusCode() == 200 ? Json.mapper().readTree(response.body()).path("total").asInt() : -1;
        }

        private HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return get(path, TOKEN);
        }

        private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}

package nl.horizon.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One Horizon per data directory: a second one, in another process or this one, stops before it touches
 * the directory, naming the holder's pid; the lock goes when its holder closes or dies.
 */
class DataDirectoryLockIT {

    @TempDir
    Path dir;

    @Test
    void aSecondHolderIsRefusedUntilTheFirstCloses() throws Exception {
        Path data = dir.resolve("data");
        try (DataDirectoryLock first = DataDirectoryLock.take(data)) {
            assertThat(data.resolve(DataDirectoryLock.FILE)).hasContent(Long.toString(ProcessHandle.current().pid()));
            assertThatThrownBy(() -> DataDirectoryLock.take(data)).isInstanceOf(DataDirectoryLock.InUse.class)
                    .hasMessage("data directory " + data.toAbsolutePath() + " is in use by another Horizon (pid "
                            + ProcessHandle.current().pid() + "); stop it first or set data.dir");
        }
        DataDirectoryLock.take(data).close();
    }

    @Test
    void horizonTakesTheLockBeforeAnythingElse() throws Exception {
        Path data = dir.resolve("data");
        try (DataDirectoryLock held = DataDirectoryLock.take(data)) {
            assertThatThrownBy(() -> Horizon.start(HorizonConfig.of(Map.of(HorizonConfig.DATA_DIR, data.toString(),
                    HorizonConfig.SCORING_DIR, EmbeddedBrokerTest.repoConfig()))))
                    .isInstanceOf(DataDirectoryLock.InUse.class);
        }
        try (var files = Files.list(data)) {
            assertThat(files).as("no broker log, state, index or inbox").containsExactly(
                    data.resolve(DataDirectoryLock.FILE));
        }
    }

    @Test
    void theLauncherStopsWithStatusTwoWhileAnotherProcessHoldsTheDirectory() throws Exception {
        Path data = dir.resolve("data");
        Path config = dir.resolve("horizon.yaml");
        Files.writeString(config, "data.dir: " + data + "\nscoring.config.dir: " + EmbeddedBrokerTest.repoConfig()
                + "\n");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Holder.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(said.readLine()).isEqualTo("locked");
            String expected = "horizon: data directory " + data.toAbsolutePath() + " is in use by another Horizon (pid "
                    + holder.pid() + "); stop it first or set data.dir";

            assertThat(launch("--config", config.toString())).isEqualTo(new Launch(Main.CONFIG_ERROR, expected));
            assertThat(launch("rebuild-index", "--config", config.toString()))
                    .isEqualTo(new Launch(Main.CONFIG_ERROR, expected));
            try (var files = Files.list(data)) {
                assertThat(files).containsExactly(data.resolve(DataDirectoryLock.FILE));
            }
        } finally {
            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        DataDirectoryLock.take(data).close();  // the operating system released a killed holder's lock
    }

    private static Launch launch(String... args) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = Main.run(args);
            return new Launch(status, err.toString(StandardCharsets.UTF_8).strip());
        } finally {
            System.setErr(original);
        }
    }

    private record Launch(int status, String stderr) {
    }

    /** Another process on the directory: takes the lock, says so, and holds it until killed. */
    public static final class Holder {
        /** Reachable for as long as the process runs: an unreachable channel may be cleaned up, lock and all. */
        static DataDirectoryLock held;

        public static void main(String[] args) throws Exception {
            held = DataDirectoryLock.take(Path.of(args[0]));
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}

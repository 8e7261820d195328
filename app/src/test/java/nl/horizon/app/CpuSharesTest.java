package nl.horizon.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The load run's CPU shares: a stage counts the threads named for it, including threads that ended. */
class CpuSharesTest {

    @Test
    void aThreadThatEndedDuringThePhaseStillCountsForItsStage() throws Exception {
        try (CpuShares cpu = CpuShares.start()) {
            Thread merge = new Thread(() -> spin(600), "Lucene Merge Thread #7");
            merge.start();
            merge.join();
            Thread.sleep(300);
            Map<String, Double> seconds = cpu.seconds();

            assertThat(seconds.get("merges")).isGreaterThan(0.2);
            assertThat(seconds.get("total")).isGreaterThanOrEqualTo(seconds.get("merges"));
            // the stages never claim more than the process used
            assertThat(seconds.get("other")).isGreaterThan(-0.05);
        }
    }

    @Test
    void onLinuxTheJitAndTheCollectorAreNamedApart() throws Exception {
        assumeThat(Files.isDirectory(Path.of("/proc/self/task"))).isTrue();
        try (CpuShares cpu = CpuShares.start()) {
            long garbage = 0;
            for (int i = 0; i < 2_000_000; i++) {
                garbage += new byte[256].length;
            }
            System.gc();
            assertThat(garbage).isPositive();
            Map<String, Double> seconds = cpu.seconds();
            assertThat(seconds.get("JIT") + seconds.get("GC")).isPositive();
        }
    }

    private static void spin(long millis) {
        long until = System.nanoTime() + millis * 1_000_000;
        double x = 0;
        while (System.nanoTime() < until) {
            x += Math.sqrt(x + 1);
        }
        if (x < 0) {
            throw new AssertionError();
        }
    }
}

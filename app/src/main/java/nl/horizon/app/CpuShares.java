package nl.horizon.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * CPU time the load run's measured phase took, in all and per stage: the threads of the Streams
 * application, the indexer, the embedded broker, Lucene's merges, the load run's own sending and polling,
 * and, where the JVM's own threads can be read ({@code /proc/self/task} on Linux), the JIT compilers and
 * the garbage collector. On a machine shared with other work, throughput swings with what else runs, while
 * CPU time per report moves much less: it is what a change is judged by, and the shares say which stage
 * holds the cores. The JIT is named apart because on two cores it compiles for most of a core through the
 * first minutes of a run (see {@code BENCHMARKS.md}), which a reader must tell from the pipeline's own work.
 *
 * <p>Threads are read every {@value #SAMPLE_MS} ms, so a thread that ends during the phase (Lucene starts
 * one per merge) counts up to its last reading; the rest of the process's CPU time is {@code other}, this
 * reading's own among it (1.3–1.8% of a load run's CPU on 2026-12-02, by {@code /proc}).
 */
final class CpuShares implements AutoCloseable {

    private static final long SAMPLE_MS = 200;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final String[][] STAGES = {{"StreamThread", "streams"}, {"horizon-indexer", "indexer"},
        {"Lucene Merge", "merges"}, {"| producer-", "load driver"}, {"=main", "load driver"},
        {"kafka", "broker"}, {"raft", "broker"}, {"TxnMarker", "broker"}, {"AddPartitionsToTxn", "broker"},
        {"group-coordinator", "broker"}, {"executor-", "broker"}};
    /** The order in which the stages are told: the pipeline's own first, then what shares the cores with it. */
    private static final String[] ORDER = {"streams", "indexer", "broker", "merges", "JIT", "GC", "load driver"};
    /** The JVM's own threads, by their Linux names (15 characters at most); the VM thread runs GC pauses. */
    private static final String[][] JVM_STAGES = {{"C1 CompilerThre", "JIT"}, {"C2 CompilerThre", "JIT"},
        {"GC Thread", "GC"}, {"G1 ", "GC"}, {"=VM Thread", "GC"}};

    private final long processStart;
    private final Map<String, Reading> threads = new HashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "cpu-shares");
        thread.setDaemon(true);
        return thread;
    });

    /** A thread's stage and its CPU time when the phase started (0 if it started later) and when last seen. */
    private record Reading(String stage, long first, long last) {
    }

    /** Whether any of the JVM's own threads could be read (not on every system). */
    private boolean jvmThreadsRead;
    /** False during the first reading, which sets where the threads that already run start from. */
    private boolean started;

    private CpuShares() {
        processStart = processCpuNanos();
        sample();
        started = true;
        sampler.scheduleAtFixedRate(this::sample, SAMPLE_MS, SAMPLE_MS, TimeUnit.MILLISECONDS);
    }

    /** Starts counting now, reading the threads in the background until {@link #close()}. */
    static CpuShares start() {
        return new CpuShares();
    }

    /** CPU seconds since {@link #start()}: {@code total}, each stage, and {@code other} for the rest. */
    Map<String, Double> seconds() {
        Map<String, Double> shares = new LinkedHashMap<>();
        double total;
        double staged = 0;
        synchronized (this) {
            sample();
            total = (processCpuNanos() - processStart) / 1e9;
            shares.put("total", total);
            for (String stage : ORDER) {
                shares.put(stage, 0.0);
            }
            for (Reading thread : threads.values()) {
                double s = (thread.last() - thread.first()) / 1e9;
                shares.merge(thread.stage(), s, Double::sum);
                staged += s;
            }
            if (!jvmThreadsRead) {
                shares.keySet().removeAll(Set.of("JIT", "GC"));
            }
        }
        shares.put("other", total - staged);
        return shares;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    private synchronized void sample() {
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            String stage = info == null ? null : stageOf(info.getThreadName(), STAGES);
            long now = stage == null ? -1 : THREADS.getThreadCpuTime(info.getThreadId());
            if (now >= 0) {
                seen("java-" + info.getThreadId(), stage, now);
            }
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            tasks.forEach(this::sampleTask);
        } catch (IOException | UncheckedIOException | SecurityException e) {
            // not Linux, or /proc hidden: the JIT and GC stay in "other"
        }
    }

    private void sampleTask(Path task) {
        try {
            String stage = stageOf(Files.readString(task.resolve("comm")).strip(), JVM_STAGES);
            if (stage != null) {
                long ranNanos = ranNanos(task);
                if (ranNanos > 0) {
                    jvmThreadsRead = true;
                    seen("task-" + task.getFileName(), stage, ranNanos);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the thread ended between listing and reading: its last reading stands
        }
    }

    /**
     * How long a thread has run on a CPU: the first field of its {@code schedstat} (nanoseconds), or where the
     * kernel keeps no scheduler statistics (it shows zeros) its user and system time from {@code stat}, in
     * the 100 Hz ticks Linux shows to user space.
     */
    private static long ranNanos(Path task) throws IOException {
        String schedstat = Files.readString(task.resolve("schedstat"));
        long nanos = Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
        if (nanos > 0) {
            return nanos;
        }
        String stat = Files.readString(task.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    }

    /**
     * Keeps a thread's latest CPU time. A time below the last one means the kernel gave a new thread the
     * number of one that ended: the ended thread's reading is kept under a key of its own.
     */
    private void seen(String key, String stage, long cpuNanos) {
        Reading before = threads.get(key);
        if (before != null && cpuNanos < before.last()) {
            threads.put(key + "#" + threads.size(), before);
            before = null;
        }
        threads.put(key, before == null ? new Reading(stage, started ? 0 : cpuNanos, cpuNanos)
                : new Reading(before.stage(), before.first(), cpuNanos));
    }

    private static String stageOf(String thread, String[][] stages) {
        for (String[] stage : stages) {
            boolean exact = stage[0].startsWith("=");
            if (exact ? thread.equals(stage[0].substring(1)) : thread.contains(stage[0])) {
                return stage[1];
            }
        }
        return null;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}

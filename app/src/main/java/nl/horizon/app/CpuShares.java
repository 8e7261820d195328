package nl.horizon.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time the load run's measured phase took, in all and per stage (the threads of the Streams
 * application, the indexer, the embedded broker). On a machine shared with other work, throughput swings
 * with what else runs, while CPU time per report moves much less: it is what an index- or launcher-side
 * change is judged by. Threads that ended during the phase (Lucene's merge threads, one per merge) are
 * counted in the total only, so the rest of the total is "other": Lucene's merges, the JIT compilers, GC,
 * the HTTP server and the load run's own main thread, which makes the reports it sends.
 */
final class CpuShares {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[][] STAGES = {{"StreamThread", "streams"}, {"horizon-indexer", "indexer"},
        {"| producer-", "load driver"}, {"kafka", "broker"}, {"raft", "broker"}, {"TxnMarker", "broker"}, {"AddPartitionsToTxn", "broker"},
        {"group-coordinator", "broker"}, {"executor-", "broker"}};

    private final long processStart;
    private final Map<Long, Long> threadStart = new HashMap<>();

    private CpuShares() {
        processStart = processCpuNanos();
        for (long id : THREADS.getAllThreadIds()) {
            threadStart.put(id, Math.max(0, THREADS.getThreadCpuTime(id)));
        }
    }

    /** Starts counting now. */
    static CpuShares start() {
        return new CpuShares();
    }

    /** CPU seconds since {@link #start()}: {@code total}, each stage, and {@code other} for the rest. */
    Map<String, Double> seconds() {
        Map<String, Double> shares = new LinkedHashMap<>();
        double total = (processCpuNanos() - processStart) / 1e9;
        shares.put("total", total);
        double staged = 0;
        for (long id : THREADS.getAllThreadIds()) {
            ThreadInfo info = THREADS.getThreadInfo(id);
            long now = THREADS.getThreadCpuTime(id);
            if (info == null || now < 0) {
                continue;
            }
            String stage = stageOf(info.getThreadName());
            if (stage != null) {
                double s = (now - threadStart.getOrDefault(id, 0L)) / 1e9;
                shares.merge(stage, s, Double::sum);
                staged += s;
            }
        }
        shares.put("other", total - staged);
        return shares;
    }

    private static String stageOf(String thread) {
        for (String[] stage : STAGES) {
            if (thread.contains(stage[0])) {
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

package nl.horizon.app;

import nl.horizon.index.HorizonIndexer;
import nl.horizon.schema.Report;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * For the load run: how long each measured report took from the moment its connector read it to the
 * moment it was searchable, told by the indexer right after the refresh that made it visible. Only the
 * reports whose source reference starts with the run's prefix count, so a warm-up does not blur it.
 */
final class SearchableLatency implements HorizonIndexer.IndexListener {

    private final String prefix;
    private long[] millis = new long[1024];
    private int count;

    SearchableLatency(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public synchronized void indexed(Object record) {
        if (record instanceof Report report && report.receivedAt() != null && report.id().contains(":" + prefix)) {
            if (count == millis.length) {
                millis = Arrays.copyOf(millis, count * 2);
            }
            millis[count++] = Duration.between(report.receivedAt(), Instant.now()).toMillis();
        }
    }

    /** The latency at percentile {@code p} (0–100, nearest rank), or -1 with nothing measured. */
    synchronized long percentileMillis(double p) {
        if (count == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(millis, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)];
    }
}

package nl.horizon.streams;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which scoring tasks of this instance hold input they have not yet scored. The detector and the forecaster
 * batch their work on a wall-clock schedule and rest after long re-scores, so offsets committed up to the end
 * of the input do not yet mean that every result is out; this says when it is. A gauge of the tasks waiting,
 * {@value #METRIC}: 0 when every signal, risk point and forecast follows from all the input read so far.
 * Like every metric it is shown only to administrators cleared for every tier, as it moves with classified
 * input too.
 */
public final class ScoringBacklog {

    public static final String METRIC = "horizon.scoring.waiting";
    private static final Set<Object> WAITING = ConcurrentHashMap.newKeySet();

    static {
        Gauge.builder(METRIC, WAITING, Set::size).register(Metrics.globalRegistry); // described in the app's catalogue
    }

    private ScoringBacklog() {
    }

    /**
     * Whether no scoring task of this JVM holds input it has not yet scored: what a replay on a test driver
     * advances its wall clock for before it reads the results, since one punctuation may do only a slice.
     */
    public static boolean idle() {
        return WAITING.isEmpty();
    }

    /** Records whether a task holds input it has not yet scored. */
    static void waiting(Object task, boolean waiting) {
        if (waiting) {
            WAITING.add(task);
        } else {
            WAITING.remove(task);
        }
    }
}

package nl.horizon.streams;

import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * The timestamp of what the detector and the forecaster publish from their wall-clock punctuations: the
 * task's stream time, the latest input timestamp it has seen, so that a replay gives the same records,
 * timestamps included, however many punctuations the work took (rule 6, decision 64).
 */
final class PublishTime {

    private PublishTime() {
    }

    /**
     * The task's stream time; the wall clock only while the task knows none (restored state and no
     * committed stream time yet), since Kafka refuses a negative timestamp and would stop the stream thread.
     */
    static long of(ProcessingContext context) {
        long streamTime = context.currentStreamTimeMs();
        return streamTime >= 0 ? streamTime : context.currentSystemTimeMs();
    }
}

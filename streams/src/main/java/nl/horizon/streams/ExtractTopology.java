package nl.horizon.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import nl.horizon.schema.Classification;
import nl.horizon.schema.ClockTick;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Observation;
import nl.horizon.schema.Report;
import nl.horizon.schema.Topics;
import nl.horizon.streams.scoring.IndicatorExtractor;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reports to indicator observations on {@code horizon.observations.v1}, keyed by country and carrying the
 * report's event time in their value; writing them there is the explicit, named repartition by country.
 * Whenever the span of event days this task has seen in reports of a classification widens, it tells
 * every observations partition with a clock tick, in the same topic so that it can never overtake the
 * observations it follows, marked by the header {@value #CLOCK_HEADER} (consumers of the topic skip
 * those). So every scoring task learns how far each classification's input has got, whichever partition
 * carried it.
 *
 * <p>Records keep the timestamp of the report they came from, which is when it was read: event time
 * stays in the payload, because the broker refuses a record timestamp more than an hour ahead and
 * reports are rightly dated in other time zones or long ago.
 */
public final class ExtractTopology {

    /** Marks a clock tick on the observations topic; its value is a {@link ClockTick}. */
    public static final String CLOCK_HEADER = "horizon.clock";
    /**
     * When the report behind an observation or tick was read by its connector (epoch ms, wall clock): for
     * measuring how long a signal takes, never for scoring.
     */
    static final String RECEIVED_HEADER = "horizon.received-at";
    private static final String TICK_KEY_PREFIX = "clock-";
    private static final long DAY_MS = 86_400_000L;
    /** Caveated reports kept out of scoring; in {@code /metrics}, which only operators cleared for everything read. */
    private static final Counter CAVEATED = Counter.builder("horizon.scoring.caveated.reports")
            .description("reports with dissemination caveats, indexed for their holders and never scored")
            .register(Metrics.globalRegistry);

    private ExtractTopology() {
    }

    /**
     * Extracts {@code reports} onto the observations topic. In the whole topology they are the normaliser's
     * reports, in its own sub-topology: every report written to {@code horizon.reports.v1} is extracted
     * once, in the transaction that writes it, without reading it back from the topic.
     */
    public static void addTo(KStream<String, Report> reports, IndicatorExtractor extractor) {
        reports.process(() -> new Extractor(extractor), Named.as("extract-indicators"))
                .to(Topics.OBSERVATIONS, Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withStreamPartitioner(ExtractTopology::partitions).withName("observations-out"));
    }

    /** Ticks go to every partition; observations by their country, as the default partitioner would. */
    private static Optional<Set<Integer>> partitions(String topic, String key, byte[] value, int partitions) {
        if (key.startsWith(TICK_KEY_PREFIX)) {
            return Optional.of(IntStream.range(0, partitions).boxed().collect(Collectors.toSet()));
        }
        return Optional.empty();
    }

    /** Whether a record of the observations topic is a clock tick. */
    public static boolean isTick(Headers headers) {
        return headers.lastHeader(CLOCK_HEADER) != null;
    }

    /** When the report behind a record was read, or -1 when unknown. */
    static long receivedAt(Headers headers) {
        Header header = headers.lastHeader(RECEIVED_HEADER);
        return header == null ? -1 : ByteBuffer.wrap(header.value()).getLong();
    }

    private static RecordHeaders headers(Report report) {
        RecordHeaders headers = new RecordHeaders();
        if (report.receivedAt() != null) {
            headers.add(RECEIVED_HEADER, ByteBuffer.allocate(8).putLong(report.receivedAt().toEpochMilli()).array());
        }
        return headers;
    }

    private static final class Extractor implements Processor<String, Report, String, byte[]> {

        private final IndicatorExtractor extractor;
        /** classification → earliest and latest event time ticked by this task (in memory: a restart ticks again). */
        private final EnumMap<Classification, long[]> ticked = new EnumMap<>(Classification.class);
        private ProcessorContext<String, byte[]> context;

        Extractor(IndicatorExtractor extractor) {
            this.extractor = extractor;
        }

        @Override
        public void init(ProcessorContext<String, byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, Report> record) {
            Report report = record.value();
            if (!report.caveats().isEmpty()) {
                // need-to-know: a score is shown to everyone cleared for its tier, so a caveated report
                // gives no observation and no tick, not even a move of its tier's clock
                CAVEATED.increment();
                return;
            }
            for (Observation observation : extractor.extract(report)) {
                context.forward(new Record<>(observation.country(),
                        JsonSerde.of(Observation.class).serialize(Topics.OBSERVATIONS, observation),
                        record.timestamp(), headers(report)));
            }
            long time = report.publishedAt().toEpochMilli();
            long[] span = ticked.get(report.classification());
            if (span == null || Math.floorDiv(time, DAY_MS) < Math.floorDiv(span[0], DAY_MS)
                    || Math.floorDiv(time, DAY_MS) > Math.floorDiv(span[1], DAY_MS)) {
                span = span == null ? new long[] {time, time}
                        : new long[] {Math.min(span[0], time), Math.max(span[1], time)};
                ticked.put(report.classification(), span);
                RecordHeaders headers = headers(report);
                headers.add(CLOCK_HEADER, new byte[] {1});
                context.forward(new Record<>(TICK_KEY_PREFIX + report.classification().label(),
                        JsonSerde.of(ClockTick.class).serialize(Topics.OBSERVATIONS, new ClockTick(
                                report.classification(), Instant.ofEpochMilli(span[0]), Instant.ofEpochMilli(span[1]))),
                        record.timestamp(), headers));
            }
        }
    }
}

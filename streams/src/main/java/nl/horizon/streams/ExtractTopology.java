package nl.horizon.streams;

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
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reports to indicator observations on {@code horizon.observations.v1}, keyed by country and stamped
 * with the report's event time (not the time it was read); writing them there is the explicit, named
 * repartition by country. Each observation carries the reports partition it came from (header
 * {@value #UPSTREAM_HEADER}), and every hour of event time each upstream partition tells every
 * observations partition how far it has got: a clock tick, in the same topic so that it can never
 * overtake the observations it follows, marked by the header {@value #CLOCK_HEADER} (consumers of the
 * topic skip those). Scoring closes a day only when all upstreams have passed it, so the way partitions
 * interleave never changes a score.
 */
public final class ExtractTopology {

    static final String UPSTREAM_HEADER = "horizon.upstream";
    /** Marks a clock tick on the observations topic; its value is a {@link ClockTick}. */
    public static final String CLOCK_HEADER = "horizon.clock";
    /**
     * When the report behind an observation or tick was read by its connector (epoch ms, wall clock): for
     * measuring how long a signal takes, never for scoring.
     */
    static final String RECEIVED_HEADER = "horizon.received-at";
    private static final String TICK_KEY_PREFIX = "upstream-";
    private static final long TICK_MS = 3_600_000L;

    private ExtractTopology() {
    }

    public static void addTo(StreamsBuilder builder, IndicatorExtractor extractor) {
        builder.stream(Topics.REPORTS, Consumed.with(Serdes.String(), JsonSerde.of(Report.class)).withName("reports-in"))
                .process(() -> new Extractor(extractor), Named.as("extract-indicators"))
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

    /** The upstream partition an observation came from, from its header. */
    static int upstreamOf(Headers headers) {
        Header header = headers.lastHeader(UPSTREAM_HEADER);
        return header == null ? 0 : ByteBuffer.wrap(header.value()).getInt();
    }

    /** When the report behind a record was read, or -1 when unknown. */
    static long receivedAt(Headers headers) {
        Header header = headers.lastHeader(RECEIVED_HEADER);
        return header == null ? -1 : ByteBuffer.wrap(header.value()).getLong();
    }

    private static RecordHeaders headers(String name, byte[] value, Report report) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(name, value);
        if (report.receivedAt() != null) {
            headers.add(RECEIVED_HEADER, ByteBuffer.allocate(8).putLong(report.receivedAt().toEpochMilli()).array());
        }
        return headers;
    }

    private static final class Extractor implements Processor<String, Report, String, byte[]> {

        private final IndicatorExtractor extractor;
        private ProcessorContext<String, byte[]> context;
        private long lastTick = Long.MIN_VALUE;
        private long eventTime = Long.MIN_VALUE;

        Extractor(IndicatorExtractor extractor) {
            this.extractor = extractor;
        }

        @Override
        public void init(ProcessorContext<String, byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, Report> record) {
            int upstream = context.recordMetadata().map(m -> m.partition()).orElse(0);
            for (Observation observation : extractor.extract(record.value())) {
                context.forward(new Record<>(observation.country(),
                        JsonSerde.of(Observation.class).serialize(Topics.OBSERVATIONS, observation),
                        observation.eventTime().toEpochMilli(),
                        headers(UPSTREAM_HEADER, ByteBuffer.allocate(4).putInt(upstream).array(), record.value())));
            }
            eventTime = Math.max(eventTime, record.value().publishedAt().toEpochMilli());
            if (eventTime - lastTick >= TICK_MS) {
                lastTick = eventTime;
                context.forward(new Record<>(TICK_KEY_PREFIX + upstream, JsonSerde.of(ClockTick.class).serialize(
                        Topics.OBSERVATIONS, new ClockTick(upstream, Instant.ofEpochMilli(eventTime))), eventTime,
                        headers(CLOCK_HEADER, new byte[] {1}, record.value())));
            }
        }
    }
}

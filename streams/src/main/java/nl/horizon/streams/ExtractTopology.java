package nl.horizon.streams;

import nl.horizon.schema.ClockTick;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Observation;
import nl.horizon.schema.Report;
import nl.horizon.schema.Topics;
import nl.horizon.streams.scoring.IndicatorExtractor;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
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
 * {@value #UPSTREAM_HEADER}), and every hour of event time each upstream partition tells every scoring
 * partition how far it has got ({@code horizon.scoring-clock.v1}): scoring closes a day only when all
 * upstreams have passed it, so the way partitions interleave never changes a score.
 */
public final class ExtractTopology {

    static final String UPSTREAM_HEADER = "horizon.upstream";
    private static final long TICK_MS = 3_600_000L;

    private ExtractTopology() {
    }

    public static void addTo(StreamsBuilder builder, IndicatorExtractor extractor) {
        builder.stream(Topics.REPORTS, Consumed.with(Serdes.String(), JsonSerde.of(Report.class)).withName("reports-in"))
                .process(() -> new Extractor(extractor), Named.as("extract-indicators"))
                .split(Named.as("extracted-"))
                .branch((key, value) -> value instanceof Extracted.Observed, Branched.withConsumer(observed -> observed
                        .mapValues(value -> ((Extracted.Observed) value).observation(), Named.as("observation-values"))
                        .to(Topics.OBSERVATIONS, Produced.with(Serdes.String(), JsonSerde.of(Observation.class))
                                .withName("observations-out")), "observed"))
                .defaultBranch(Branched.withConsumer(ticked -> ticked
                        .mapValues(value -> ((Extracted.Ticked) value).tick(), Named.as("tick-values"))
                        .to(Topics.SCORING_CLOCK, Produced.with(Serdes.String(), JsonSerde.of(ClockTick.class))
                                .withStreamPartitioner((topic, key, value, partitions) -> Optional.of(everyPartition(partitions)))
                                .withName("clock-out")), "ticked"));
    }

    private static Set<Integer> everyPartition(int partitions) {
        return IntStream.range(0, partitions).boxed().collect(Collectors.toSet());
    }

    /** The upstream partition an observation came from, from its header. */
    static int upstreamOf(org.apache.kafka.common.header.Headers headers) {
        var header = headers.lastHeader(UPSTREAM_HEADER);
        return header == null ? 0 : ByteBuffer.wrap(header.value()).getInt();
    }

    private static final class Extractor implements Processor<String, Report, String, Extracted> {

        private final IndicatorExtractor extractor;
        private ProcessorContext<String, Extracted> context;
        private long lastTick = Long.MIN_VALUE;
        private long eventTime = Long.MIN_VALUE;

        Extractor(IndicatorExtractor extractor) {
            this.extractor = extractor;
        }

        @Override
        public void init(ProcessorContext<String, Extracted> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, Report> record) {
            int upstream = context.recordMetadata().map(m -> m.partition()).orElse(0);
            for (Observation observation : extractor.extract(record.value())) {
                RecordHeaders headers = new RecordHeaders();
                headers.add(UPSTREAM_HEADER, ByteBuffer.allocate(4).putInt(upstream).array());
                context.forward(new Record<>(observation.country(), new Extracted.Observed(observation),
                        observation.eventTime().toEpochMilli(), headers));
            }
            eventTime = Math.max(eventTime, record.value().publishedAt().toEpochMilli());
            if (eventTime - lastTick >= TICK_MS) {
                lastTick = eventTime;
                context.forward(new Record<>("upstream-" + upstream, new Extracted.Ticked(
                        new ClockTick(upstream, Instant.ofEpochMilli(eventTime))), eventTime, new RecordHeaders()));
            }
        }
    }
}

package nl.horizon.streams;

import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Observation;
import nl.horizon.schema.Report;
import nl.horizon.schema.Topics;
import nl.horizon.streams.scoring.IndicatorExtractor;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Reports to indicator observations on {@code horizon.observations.v1}, keyed by country and stamped
 * with the report's event time (not the time it was read), so that everything downstream runs on event
 * time. Writing them to that topic is the explicit, named repartition by country.
 */
public final class ExtractTopology {

    private ExtractTopology() {
    }

    public static void addTo(StreamsBuilder builder, IndicatorExtractor extractor) {
        builder.stream(Topics.REPORTS, Consumed.with(Serdes.String(), JsonSerde.of(Report.class)).withName("reports-in"))
                .process(() -> new Processor<String, Report, String, Observation>() {
                    private ProcessorContext<String, Observation> context;

                    @Override
                    public void init(ProcessorContext<String, Observation> context) {
                        this.context = context;
                    }

                    @Override
                    public void process(Record<String, Report> record) {
                        for (Observation observation : extractor.extract(record.value())) {
                            context.forward(new Record<>(observation.country(), observation,
                                    observation.eventTime().toEpochMilli(), record.headers()));
                        }
                    }
                }, Named.as("extract-indicators"))
                .to(Topics.OBSERVATIONS, Produced.with(Serdes.String(), JsonSerde.of(Observation.class))
                        .withName("observations-out"));
    }
}

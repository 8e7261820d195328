package nl.horizon.streams;

import nl.horizon.schema.ClockTick;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Observation;
import nl.horizon.schema.Topics;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * A record of {@code horizon.observations.v1}: an observation, or a clock tick. Read from its JSON once, by
 * {@link Reader}, for both steps that consume the topic (detection and the forecast's fatalities), which
 * would otherwise each parse every observation again.
 */
sealed interface Observed {

    record Seen(Observation observation) implements Observed {
    }

    record Tick(ClockTick tick) implements Observed {
    }

    /** Reads each record's value by what its headers say it is; the headers travel on with it. */
    final class Reader implements FixedKeyProcessor<String, byte[], Observed> {
        private FixedKeyProcessorContext<String, Observed> context;

        @Override
        public void init(FixedKeyProcessorContext<String, Observed> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            Observed value = ExtractTopology.isTick(record.headers())
                    ? new Tick(JsonSerde.of(ClockTick.class).deserialize(Topics.OBSERVATIONS, record.value()))
                    : new Seen(JsonSerde.of(Observation.class).deserialize(Topics.OBSERVATIONS, record.value()));
            context.forward(record.withValue(value));
        }
    }
}

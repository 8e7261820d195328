package nl.horizon.streams;

import nl.horizon.formats.DeadLetters;
import nl.horizon.formats.Rejection;
import nl.horizon.schema.DeadLetter;
import nl.horizon.schema.Marking;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.SourceKind;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;

/**
 * A record of a table topic ({@code horizon.structural.v1}, {@code horizon.coups.v1}) as the forecast reads
 * it: the forecast input it holds, or the dead letter saying why it holds none. The topics are open to any
 * producer, and one record the forecast cannot take (not JSON of the topic's type, or a deletion) stopped
 * the stream thread; it now goes to the dead-letter topic with the reason and is counted, and the forecast
 * goes on.
 */
sealed interface TableRecord {

    /** A row the forecast takes. */
    record Row(ForecastInput input) implements TableRecord {
    }

    /** A record the forecast cannot take. */
    record Unreadable(DeadLetter deadLetter) implements TableRecord {
    }

    /**
     * Reads one table topic's records with the topic's deserializer. A table value is only ever corrected by
     * a new value under the same key, so a deletion (a record without a value) is refused too, not taken as
     * a withdrawal. The dead letter is marked as unreadable input is (the top level with every caveat): the
     * topics' own values are public data, but nothing vouches for a stray record's contents.
     */
    final class Reader<T> implements FixedKeyProcessor<String, byte[], TableRecord> {

        private final String topic;
        private final Deserializer<T> values;
        private final Function<T, ForecastInput> toInput;
        private final Marking marking;
        private FixedKeyProcessorContext<String, TableRecord> context;

        /** @param marking a rejected record's: the top level with every caveat, as for any unreadable input */
        Reader(String topic, Deserializer<T> values, Function<T, ForecastInput> toInput, Marking marking) {
            this.topic = topic;
            this.values = values;
            this.toInput = toInput;
            this.marking = marking;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, TableRecord> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            context.forward(record.withValue(read(record)));
        }

        private TableRecord read(FixedKeyRecord<String, byte[]> record) {
            if (record.value() == null) {
                return unreadable(record, new Rejection(RejectReason.INVALID_FIELD, topic
                        + ": a deletion; a table value is corrected by a new value under its key, never deleted"));
            }
            T value;
            try {
                value = values.deserialize(topic, record.value());
            } catch (SerializationException e) {
                return unreadable(record, new Rejection(RejectReason.MALFORMED, e.getMessage()));
            }
            if (value == null) {
                return unreadable(record, new Rejection(RejectReason.INVALID_FIELD,
                        topic + ": the value is JSON null"));
            }
            return new Row(toInput.apply(value));
        }

        private Unreadable unreadable(FixedKeyRecord<String, byte[]> record, Rejection rejection) {
            String text = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
            return new Unreadable(DeadLetters.of(record.key(), SourceKind.EVENT_DATA, topic,
                    ForecastTopology.REJECTION_STAGE, rejection, text, Instant.ofEpochMilli(record.timestamp()),
                    marking));
        }
    }
}

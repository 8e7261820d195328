package nl.horizon.streams;

import nl.horizon.schema.DeadLetter;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import java.util.function.Function;

/**
 * Where every step of the topology that rejects input (normalising raw items, reading the forecast's table
 * topics) sends it: {@code horizon.dlq.v1}, keyed by the rejected item's id, so that one item's dead letters
 * share a partition and keep their order, whichever step wrote them.
 */
final class DeadLetterSink {

    private DeadLetterSink() {
    }

    /**
     * Sends each rejected record's dead letter.
     *
     * @param name the nodes' name: {@code <name>-keyed} re-keys by item id, {@code <name>-out} writes
     */
    static <V> void send(KStream<String, V> rejected, Function<V, DeadLetter> letterOf, String name) {
        rejected.map((key, value) -> {
                    DeadLetter letter = letterOf.apply(value);
                    return KeyValue.pair(letter.itemId(), letter);
                }, Named.as(name + "-keyed"))
                .to(Topics.DLQ, Produced.with(Serdes.String(), JsonSerde.of(DeadLetter.class)).withName(name + "-out"));
    }
}

package nl.horizon.schema;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A write someone is waiting on (an HTTP caller, an analyst's decision): sent, then held until the broker
 * acknowledges it, so success is only ever reported for a record Kafka has.
 */
public final class Acknowledged {

    private static final long TIMEOUT_S = 30;

    private Acknowledged() {
    }

    /**
     * Sends and waits for the acknowledgement.
     *
     * @throws IOException naming the topic when the broker did not confirm the write in time or refused it
     */
    public static void send(Producer<String, byte[]> producer, ProducerRecord<String, byte[]> record)
            throws IOException {
        try {
            producer.send(record).get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("could not write to " + record.topic() + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("no acknowledgement from " + record.topic() + " within " + TIMEOUT_S + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted writing to " + record.topic(), e);
        }
    }
}

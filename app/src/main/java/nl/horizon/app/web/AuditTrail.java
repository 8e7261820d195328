package nl.horizon.app.web;

import io.micrometer.core.instrument.Metrics;
import nl.horizon.schema.AuditEvent;
import nl.horizon.schema.Classification;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Records who saw or changed what on {@code horizon.audit.v1}: one event per request that carried
 * credentials or asked for something protected. The write is not waited on (a reader should not wait for
 * the audit), but every acknowledgement is checked: a failed write is logged with the event and counted
 * in {@code horizon.audit.failed}, so a gap in the trail is never silent.
 */
public final class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final int MAX_TARGET = 500;

    private final Producer<String, byte[]> producer;
    private final Clock clock;

    public AuditTrail(Producer<String, byte[]> producer, Clock clock) {
        this.producer = producer;
        this.clock = clock;
    }

    /** Records one answered request. */
    public void record(String actor, Classification clearance, String method, String route, String target,
                       int status) {
        String shortened = target.length() > MAX_TARGET ? target.substring(0, MAX_TARGET) : target;
        AuditEvent event = new AuditEvent(clock.instant(), actor, clearance, method, route, shortened, status);
        try {
            producer.send(new ProducerRecord<>(Topics.AUDIT, actor, JsonSerde.of(AuditEvent.class)
                    .serialize(Topics.AUDIT, event)), (metadata, e) -> {
                        if (e != null) {
                            failed(event, e);
                        }
                    });
        } catch (RuntimeException e) {
            failed(event, e);
        }
    }

    private static void failed(AuditEvent event, Exception e) {
        Metrics.counter("horizon.audit.failed").increment();
        LOG.error("could not write the audit event {}: {}", event, e.toString());
    }
}

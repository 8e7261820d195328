package nl.horizon.app.web;

import nl.horizon.schema.Acknowledged;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Signal;
import nl.horizon.schema.Topics;
import nl.horizon.schema.TriageDecision;
import nl.horizon.schema.TriageOutcome;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.time.Clock;
import java.util.UUID;

/**
 * Takes an analyst's decision on a signal and appends it to {@code horizon.triage.v1}. Nothing is edited
 * in place: a later decision supersedes an earlier one, and both stay. The decision carries the signal's
 * classification, so it is shown only to those who may see the signal.
 */
public final class TriageDesk {

    /** The longest reason kept. */
    public static final int MAX_REASON = 2000;

    private final Producer<String, byte[]> producer;
    private final Clock clock;

    public TriageDesk(Producer<String, byte[]> producer, Clock clock) {
        this.producer = producer;
        this.clock = clock;
    }

    /**
     * Records a decision on a signal the analyst can see.
     *
     * @param signal  the signal as stored
     * @param outcome what was decided, as its label
     * @param reason  why; required for a dismissal
     * @throws IllegalArgumentException when the outcome is unknown or a required reason is missing or too long
     * @throws IOException              when Kafka did not acknowledge the decision
     */
    public TriageDecision decide(Signal signal, String outcome, String reason, Caller analyst) throws IOException {
        TriageOutcome parsed = TriageOutcome.parse(outcome);
        String cleaned = reason == null ? "" : reason.replaceAll("\\p{Cntrl}", " ").strip();
        if (parsed == TriageOutcome.DISMISSED && cleaned.isEmpty()) {
            throw new IllegalArgumentException("a dismissal needs a reason");
        }
        if (cleaned.length() > MAX_REASON) {
            throw new IllegalArgumentException("the reason is longer than " + MAX_REASON + " characters");
        }
        TriageDecision decision = new TriageDecision(UUID.randomUUID().toString(), signal.id(), signal.country(),
                parsed, cleaned.isEmpty() ? null : cleaned, analyst.name(), clock.instant(), signal.classification());
        Acknowledged.send(producer, new ProducerRecord<>(Topics.TRIAGE, decision.signalId(),
                JsonSerde.of(TriageDecision.class).serialize(Topics.TRIAGE, decision)));
        return decision;
    }
}

package nl.horizon.ingest.push;

import nl.horizon.schema.DeadLetter;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Markings;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Topics;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class PushIngestTest {

    private static final String CABLE = """
            POST: bamako
            REFERENCE: BAM-%s
            DATE: %s
            CLASSIFICATION: departmental-confidential
            COUNTRY: MLI
            SUBJECT: Attack on Menaka

            MNLA fighters attacked the garrison.
            """;

    /**
     * A record without a timestamp is stamped by the producer when it is written. A report's own date can
     * be years ahead by mistake, or before 1970; as a record timestamp the broker would refuse it.
     */
    @Test
    void aReportsOwnDateIsNeverItsRecordTimestamp() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        PushIngest push = new PushIngest(producer, Markings.standard(), Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC));

        for (String date : new String[] {"2099-01-17", "1965-01-17", "not a date"}) {
            push.accept(SourceKind.POST, "bamako", "text/plain",
                    CABLE.formatted(date.hashCode(), date).getBytes(StandardCharsets.UTF_8), 4096);
        }

        assertThat(producer.history()).extracting(ProducerRecord::topic)
                .containsExactly("horizon.raw.post.v1", "horizon.raw.post.v1", "horizon.dlq.v1");
        assertThat(producer.history()).extracting(ProducerRecord::timestamp).containsOnlyNulls();
    }

    /** Jackson would keep the last "classification"; a secret report must never be stored as public. */
    @Test
    void aPushedReportThatRepeatsAKeyIsADeadLetterAndA400() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        PushIngest push = new PushIngest(producer, Markings.standard(), Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC));
        String twice = """
                {"post": "bamako", "reference": "BAM-2012-017", "date": "2012-01-17", "classification": "secret",
                 "countries": ["MLI"], "subject": "Attack on Menaka", "body": "MNLA fighters attacked the garrison.",
                 "classification": "public"}
                """;

        PushOutcome outcome = push.accept(SourceKind.POST, "bamako", "application/json",
                twice.getBytes(StandardCharsets.UTF_8), 4096);

        assertThat(outcome.status()).isEqualTo(400);
        assertThat(outcome.body()).containsEntry("error", "conflicting-field");
        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(Topics.DLQ);
            DeadLetter letter = JsonSerde.of(DeadLetter.class).deserialize(Topics.DLQ, record.value());
            assertThat(letter.reason()).isEqualTo(RejectReason.CONFLICTING_FIELD);
            assertThat(letter.detail()).contains("key 'classification'");
            assertThat(letter.payload()).isEqualTo(twice);
            assertThat(letter.marking()).as("unreadable: as sensitive as anything can be")
                    .isEqualTo(Markings.standard().undetermined());
        });
    }
}

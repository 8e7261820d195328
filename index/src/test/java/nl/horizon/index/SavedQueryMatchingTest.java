package nl.horizon.index;

import nl.horizon.schema.Classification;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Subscription;
import nl.horizon.schema.Topics;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A saved query matches new reports the way the same search finds them. */
class SavedQueryMatchingTest {

    @Test
    void theDocumentedCoupQueryMatchesAReportOnMaliInAnyCase() throws Exception {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        try (SavedQueries saved = new SavedQueries(producer, Clock.systemUTC())) {
            saved.apply("upper", new Subscription("upper", "account:a", "coup AND country:MLI",
                    Classification.PUBLIC, Instant.EPOCH));
            saved.apply("lower", new Subscription("lower", "account:a", "coup AND country:mli",
                    Classification.PUBLIC, Instant.EPOCH));
            saved.apply("niger", new Subscription("niger", "account:a", "coup AND country:NER",
                    Classification.PUBLIC, Instant.EPOCH));

            saved.indexed(SearchFeaturesTest.report("coup-1", "en", "Coup attempt in Bamako",
                    "Soldiers announced a coup on state television.", Classification.PUBLIC,
                    "2026-11-01T00:00:00Z", SourceKind.NEWS_FEED, "MLI"));

            assertThat(producer.history()).allSatisfy(r -> assertThat(r.topic()).isEqualTo(Topics.MATCHES))
                    .extracting(ProducerRecord::key).containsExactlyInAnyOrder("upper", "lower");
        }
    }
}

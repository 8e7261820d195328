package nl.horizon.streams;

import nl.horizon.formats.ItemFormats;
import nl.horizon.schema.Classification;
import nl.horizon.schema.DeadLetter;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Markings;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NormaliseTopologyTest {

    private static final Instant FETCHED = Instant.parse("2012-01-17T08:00:00Z");
    private static final String POST = """
            {"post": "bamako", "reference": "BAM-2012-017", "date": "2012-01-17", "classification": "public",
             "countries": ["MLI"], "language": "nl", "subject": "Aanval op Ménaka", "body": "Strijders vielen aan."}
            """;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> posts;
    private TestOutputTopic<String, Report> reports;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private TestOutputTopic<String, Report> review;

    @BeforeEach
    void start() {
        driver = new TopologyTestDriver(NormaliseTopology.build(ItemFormats.standard(Markings.standard()), RepoConfig.model().places()));
        review = driver.createOutputTopic(Topics.REVIEW, Serdes.String().deserializer(), JsonSerde.of(Report.class));
        posts = driver.createInputTopic(Topics.raw(SourceKind.POST), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        reports = driver.createOutputTopic(Topics.REPORTS, Serdes.String().deserializer(),
                JsonSerde.of(Report.class));
        deadLetters = driver.createOutputTopic(Topics.DLQ, Serdes.String().deserializer(),
                JsonSerde.of(DeadLetter.class));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aPostBecomesAReportKeyedByItsId() {
        posts.pipeInput("BAM-2012-017", envelope(POST, "post-json"), FETCHED);

        KeyValue<String, Report> out = reports.readKeyValue();
        assertThat(out.key).isEqualTo("post:bamako:BAM-2012-017");
        assertThat(out.value.countries()).containsExactly("MLI");
        assertThat(out.value.publishedAt()).isEqualTo(Instant.parse("2012-01-17T00:00:00Z"));
        assertThat(out.value.receivedAt()).isEqualTo(FETCHED);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aBadItemGoesToTheDeadLetterTopicAndTheNextOneStillFlows() {
        posts.pipeInput("BAM-2012-018", envelope(POST.replace("\"MLI\"", "\"Mali\""), "post-json"), FETCHED);
        posts.pipeInput("garbage", "{not an envelope".getBytes(StandardCharsets.UTF_8), FETCHED);
        posts.pipeInput("BAM-2012-019", envelope(POST, "post-xml"), FETCHED);
        posts.pipeInput("BAM-2012-017", envelope(POST, "post-json"), FETCHED);

        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).extracting(DeadLetter::reason)
                .containsExactly(RejectReason.UNKNOWN_COUNTRY, RejectReason.MALFORMED, RejectReason.UNKNOWN_FORMAT);
        assertThat(letters.get(0).detail()).contains("'Mali'");
        assertThat(letters.get(0).payload()).contains("Aanval op Ménaka");
        assertThat(letters.get(1).sourceKind()).isEqualTo(SourceKind.POST);
        assertThat(letters.get(1).rejectedAt()).isEqualTo(FETCHED);
        assertThat(reports.readValuesToList()).hasSize(1);
    }

    @Test
    void aReportDatedAfterItWasReadIsRejected() {
        posts.pipeInput("x", envelope(POST.replace("2012-01-17", "2099-01-17"), "post-json"), FETCHED);
        assertThat(deadLetters.readValue().detail()).contains("cannot be from the future");
        assertThat(reports.isEmpty()).isTrue();
    }

    @Test
    void replayingTheSameInputGivesTheSameBytes() {
        posts.pipeInput("BAM-2012-017", envelope(POST, "post-json"), FETCHED);
        posts.pipeInput("x", envelope(POST, "post-xml"), FETCHED);
        byte[] first = JsonSerde.of(Report.class).serialize("t", reports.readValue());
        byte[] firstLetter = JsonSerde.of(DeadLetter.class).serialize("t", deadLetters.readValue());

        posts.pipeInput("BAM-2012-017", envelope(POST, "post-json"), FETCHED);
        posts.pipeInput("x", envelope(POST, "post-xml"), FETCHED);

        assertThat(JsonSerde.of(Report.class).serialize("t", reports.readValue())).isEqualTo(first);
        assertThat(JsonSerde.of(DeadLetter.class).serialize("t", deadLetters.readValue())).isEqualTo(firstLetter);
    }

    @Test
    void aReportWithoutCountriesGetsThemFromItsTextOrGoesToReview() {
        posts.pipeInput("a", envelope(POST.replace("\"countries\": [\"MLI\"], ", "")
                .replace("Aanval op Ménaka", "Aanval op Ménaka door Malinese rebellen"), "post-json"), FETCHED);
        posts.pipeInput("b", envelope(POST.replace("\"countries\": [\"MLI\"], ", "")
                .replace("Aanval op Ménaka", "Vergadering").replace("BAM-2012-017", "BAM-2012-018"), "post-json"), FETCHED);

        List<Report> out = reports.readValuesToList();
        assertThat(out.get(0).countries()).containsExactly("MLI");
        assertThat(out.get(1).countries()).isEmpty();
        assertThat(review.readValuesToList()).extracting(Report::id).containsExactly("post:bamako:BAM-2012-018");
    }

    private static byte[] envelope(String payload, String format) {
        RawItem item = RawItem.of("BAM-2012-017", SourceKind.POST, "bamako", format, FETCHED, Classification.PUBLIC,
                payload);
        return JsonSerde.of(RawItem.class).serialize("t", item);
    }
}

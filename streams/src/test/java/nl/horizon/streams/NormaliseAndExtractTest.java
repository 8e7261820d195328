package nl.horizon.streams;

import nl.horizon.formats.ItemFormats;
import nl.horizon.schema.Classification;
import nl.horizon.schema.DeadLetter;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Markings;
import nl.horizon.schema.Observation;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole topology extracts each report in the sub-topology that normalises it, instead of reading
 * {@code horizon.reports.v1} back: these tests check that this gives, record for record and byte for byte,
 * the observations and clock ticks that extracting the reports topic gives ({@link HorizonTopology#fromReports}),
 * every version of a re-sent report included, and that nothing reads the reports topic any more.
 */
class NormaliseAndExtractTest {

    private static final Instant FETCHED = Instant.parse("2012-01-20T08:00:00Z");

    @Test
    void normalisingAndExtractingAreOneSubTopologyAndNothingReadsTheReportsTopic() {
        Topology topology = HorizonTopology.build(ItemFormats.standard(Markings.standard()), RepoConfig.model());
        TopologyDescription.Subtopology fused = topology.describe().subtopologies().stream()
                .filter(s -> nodeNames(s).contains("raw-items")).findFirst().orElseThrow();

        assertThat(nodeNames(fused)).contains("normalise", "reports-out", "extract-indicators", "observations-out",
                "review-out", "dead-letters-out");
        Set<String> read = topology.describe().subtopologies().stream().flatMap(s -> s.nodes().stream())
                .filter(n -> n instanceof TopologyDescription.Source)
                .flatMap(n -> ((TopologyDescription.Source) n).topicSet().stream()).collect(Collectors.toSet());
        assertThat(read).doesNotContain(Topics.REPORTS).contains(Topics.OBSERVATIONS);
        assertThat(read).allMatch(topic -> !topic.contains("repartition") || topic.contains("forecast-input"),
                "no repartition topic between normalising and extracting");
    }

    @Test
    void everyReportIsExtractedOnceAsIfReadFromTheReportsTopic() throws Exception {
        List<RawItem> items = List.of(
                post("ADD-2012-001", "public", "ETH", "Clashes reported in Amhara region",
                        "Renewed clashes between federal forces and militia near Gondar; thousands displaced."),
                acled("DEMO-M-00001", "2012-01-17", "Mali", "Battles", "Armed clash", "Menaka", "12"),
                post("BAM-2012-017", "secret//NOFORN", "MLI", "Massacre and clashes in Gao", "Fighters attacked."),
                post("BAM-2012-018", "confidential", "MLI", "Protesters gathered in Bamako",
                        "Protesters gathered against rising food prices; police dispersed the crowd."),
                post("bad", "public", "Mali", "Aanval", "Strijders vielen aan."),
                // a second version of the first report, under the same id, with more in it: extracted too
                post("ADD-2012-001", "public", "ETH", "Clashes reported in Amhara region",
                        "Renewed clashes and an explosion at a market near Gondar; thousands displaced, aid blocked."),
                acled("DEMO-M-00002", "2012-01-02", "Mali", "Violence against civilians", "Attack", "Gao", "3"));

        Path state = Files.createTempDirectory("fused-test-");
        try (TopologyTestDriver whole = driver(HorizonTopology.build(ItemFormats.standard(Markings.standard()),
                RepoConfig.model()), state.resolve("whole"))) {
            List<TestInputTopic<String, byte[]>> raw = new ArrayList<>();
            for (SourceKind kind : SourceKind.values()) {
                raw.add(whole.createInputTopic(Topics.raw(kind), Serdes.String().serializer(),
                        Serdes.ByteArray().serializer()));
            }
            long at = FETCHED.toEpochMilli();
            for (RawItem item : items) {
                raw.get(item.sourceKind().ordinal()).pipeInput(item.itemId(),
                        JsonSerde.of(RawItem.class).serialize("t", item), Instant.ofEpochMilli(at++));
            }
            List<TestRecord<String, byte[]>> reports = bytes(whole, Topics.REPORTS);
            List<TestRecord<String, byte[]>> observations = bytes(whole, Topics.OBSERVATIONS);
            List<DeadLetter> letters = whole.createOutputTopic(Topics.DLQ, Serdes.String().deserializer(),
                    JsonSerde.of(DeadLetter.class)).readValuesToList();

            assertThat(reports).hasSize(6);
            assertThat(letters).extracting(DeadLetter::reason).containsExactly(RejectReason.UNKNOWN_COUNTRY);
            List<TestRecord<String, byte[]>> extractedFromTopic;
            try (TopologyTestDriver replay = driver(HorizonTopology.fromReports(RepoConfig.model()),
                    state.resolve("replay"))) {
                TestInputTopic<String, byte[]> in = replay.createInputTopic(Topics.REPORTS,
                        Serdes.String().serializer(), Serdes.ByteArray().serializer());
                reports.forEach(in::pipeInput);
                extractedFromTopic = bytes(replay, Topics.OBSERVATIONS);
            }
            assertThat(observations).isNotEmpty();
            assertThat(describe(observations)).isEqualTo(describe(extractedFromTopic));
            List<Observation> values = observations.stream().filter(r -> !ExtractTopology.isTick(r.headers()))
                    .map(r -> JsonSerde.of(Observation.class).deserialize(Topics.OBSERVATIONS, r.value())).toList();
            assertThat(values).extracting(Observation::country).contains("ETH", "MLI");
            assertThat(values).noneMatch(o -> o.classification() == Classification.SECRET,
                    "the caveated report gives no observation");
            List<Observation> ethiopia = values.stream().filter(o -> o.country().equals("ETH")).toList();
            assertThat(ethiopia).extracting(Observation::reportId).containsOnly("post:bamako:ADD-2012-001");
            assertThat(ethiopia.size()).as("both versions of the re-sent report are extracted")
                    .isGreaterThan((int) ethiopia.stream().map(Observation::indicator).distinct().count());
        } finally {
            Utils.delete(state.toFile());
        }
    }

    private static Set<String> nodeNames(TopologyDescription.Subtopology subtopology) {
        return subtopology.nodes().stream().map(TopologyDescription.Node::name).collect(Collectors.toSet());
    }

    /** Key, value, timestamp and headers of each record, comparable as text. */
    private static List<String> describe(List<TestRecord<String, byte[]>> records) {
        Function<TestRecord<String, byte[]>, String> text = r -> r.key() + " @" + r.timestamp() + " "
                + Arrays.toString(r.headers().toArray()) + " " + new String(r.value(), java.nio.charset.StandardCharsets.UTF_8);
        return records.stream().map(text).toList();
    }

    private static List<TestRecord<String, byte[]>> bytes(TopologyTestDriver driver, String topic) {
        TestOutputTopic<String, byte[]> out = driver.createOutputTopic(topic, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        return out.readRecordsToList();
    }

    private static TopologyTestDriver driver(Topology topology, Path state) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "fused-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        return new TopologyTestDriver(topology, props, Instant.EPOCH);
    }

    private static RawItem post(String reference, String classification, String country, String subject, String body) {
        String payload = """
                {"post": "bamako", "reference": "%s", "date": "2012-01-17", "classification": "%s",
                 "countries": ["%s"], "language": "en", "subject": "%s", "body": "%s"}
                """.formatted(reference, classification, country, subject, body);
        return RawItem.of(reference, SourceKind.POST, "bamako", "post-json", FETCHED, Classification.PUBLIC, payload);
    }

    private static RawItem acled(String id, String date, String country, String type, String subType, String place,
                                 String fatalities) {
        String payload = """
                {"event_id_cnty": "%s", "event_date": "%s", "country": "%s", "event_type": "%s",
                 "sub_event_type": "%s", "location": "%s", "notes": "%s near %s", "fatalities": "%s"}
                """.formatted(id, date, country, type, subType, place, subType, place, fatalities);
        return RawItem.of(id, SourceKind.EVENT_DATA, "acled", "acled-event", FETCHED, Classification.PUBLIC, payload);
    }
}

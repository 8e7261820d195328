package nl.horizon.streams;

import nl.horizon.formats.ItemFormats;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Report;
import nl.horizon.schema.Topics;
import nl.horizon.streams.text.CountryMentions;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Raw items of every source kind onto {@code horizon.reports.v1}, keyed by report id; reports in which
 * no country was found also onto {@code horizon.review.v1}, the bucket analysts look through; anything
 * that cannot be normalised onto {@code horizon.dlq.v1} with the reason. Stateless: re-keying happens only
 * on the way out, so no repartition topic is needed.
 */
public final class NormaliseTopology {

    private NormaliseTopology() {
    }

    /**
     * A report goes to the partition its raw item was in: the producer placed the item by its id, and
     * the report id ends in that item id. So the order of each raw partition (a file's rows, a feed's
     * entries) holds on into the reports topic, and event time advances there as it did at the source.
     */
    static Optional<Set<Integer>> sameAsRaw(String topic, String reportId, Report report, int partitions) {
        String[] parts = reportId.split(":", 3);
        byte[] itemId = (parts.length == 3 ? parts[2] : reportId).getBytes(StandardCharsets.UTF_8);
        return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(itemId)) % partitions));
    }

    /** The topology on its own, for tests and for running it alone. */
    public static Topology build(ItemFormats formats, CountryMentions places) {
        StreamsBuilder builder = new StreamsBuilder();
        addTo(builder, formats, places);
        return builder.build();
    }

    /**
     * Adds the normalise step to a builder that may hold the other steps too.
     *
     * @return the accepted reports, keyed by report id, exactly as written to {@code horizon.reports.v1}: the
     *         whole topology extracts them from here, in the same sub-topology, rather than reading the topic back
     */
    public static KStream<String, Report> addTo(StreamsBuilder builder, ItemFormats formats, CountryMentions places) {
        KStream<String, Normalised> normalised = builder
                .stream(Topics.rawTopics(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-items"))
                .processValues(() -> new Normaliser(formats, places), Named.as("normalise"));

        var branches = normalised.split(Named.as("normalised-"))
                .branch((key, value) -> value instanceof Normalised.Accepted, Branched.as("accepted"))
                .defaultBranch(Branched.as("rejected"));
        DeadLetterSink.send(branches.get("normalised-rejected"), value -> ((Normalised.Rejected) value).deadLetter(),
                "dead-letters");
        KStream<String, Report> reports = branches.get("normalised-accepted").map((key, value) -> {
            Report report = ((Normalised.Accepted) value).report();
            return KeyValue.pair(report.id(), report);
        }, Named.as("key-by-report-id"));
        reports.to(Topics.REPORTS, Produced.with(Serdes.String(), JsonSerde.of(Report.class))
                .withStreamPartitioner(NormaliseTopology::sameAsRaw).withName("reports-out"));
        reports.filter((id, report) -> report.countries().isEmpty(), Named.as("without-country"))
                .to(Topics.REVIEW, Produced.with(Serdes.String(), JsonSerde.of(Report.class))
                        .withName("review-out"));
        return reports;
    }
}

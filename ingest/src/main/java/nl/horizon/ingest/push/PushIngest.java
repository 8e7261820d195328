package nl.horizon.ingest.push;

import io.micrometer.core.instrument.Metrics;
import nl.horizon.formats.DeadLetters;
import nl.horizon.formats.ItemText;
import nl.horizon.formats.Rejection;
import nl.horizon.formats.SituationReport;
import nl.horizon.formats.SituationReportFormat;
import nl.horizon.schema.Acknowledged;
import nl.horizon.schema.DeadLetter;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Marking;
import nl.horizon.schema.Markings;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Reports pushed by posts and partners. The caller is already authenticated; this checks that it
 * writes only as itself, validates with the same parser the normaliser uses (so a bad report is
 * refused to the caller's face, and also kept on the dead-letter topic), and answers 202 only once Kafka
 * has acknowledged the raw item: an accepted report is never lost.
 */
public final class PushIngest {

    private static final Logger LOG = LoggerFactory.getLogger(PushIngest.class);

    private final Producer<String, byte[]> producer;
    private final Markings markings;
    private final Clock clock;

    public PushIngest(Producer<String, byte[]> producer, Markings markings, Clock clock) {
        this.producer = producer;
        this.markings = markings;
        this.clock = clock;
    }

    /**
     * Accepts one report.
     *
     * @param kind        {@code post} or {@code partner}
     * @param caller      the authenticated post or partner
     * @param contentType the request's content type
     * @param body        the request body, already limited in size by the caller
     * @param maxBytes    the size limit, for the error message
     */
    public PushOutcome accept(SourceKind kind, String caller, String contentType, byte[] body, int maxBytes) {
        String stage = "push:" + kind.label();
        Optional<SituationReportFormat> format = formatOf(kind, contentType);
        if (format.isEmpty()) {
            return count(stage, PushOutcome.error(415, "unsupported_media_type", "content type '" + contentType
                    + "' is not accepted here; send " + (kind == SourceKind.POST
                    ? "application/json (post-json) or text/plain (post-cable)" : "application/json (partner-json)")));
        }
        String text = new String(body, StandardCharsets.UTF_8);
        SituationReport report;
        try {
            text = ItemText.decode(body, maxBytes);
            report = format.get().read(text, markings);
        } catch (Rejection rejection) {
            return deadLetter(kind, caller, stage, rejection, text, format.get().claimed(text, markings));
        }
        if (!report.author().equals(caller)) {
            LOG.warn("{} '{}' tried to write as '{}'", kind.label(), caller, report.author());
            return count(stage, PushOutcome.error(403, "forbidden", kind.label() + " '" + caller
                    + "' may write only as itself, not as '" + report.author() + "'"));
        }
        RawItem item = RawItem.of(report.itemId(), kind, caller, format.get().formatName(), clock.instant(),
                report.marking().classification(), text);
        String topic = Topics.raw(kind);
        if (!send(new ProducerRecord<>(topic, item.itemId(), JsonSerde.of(RawItem.class).serialize(topic, item)))) {
            return count(stage, PushOutcome.error(503, "unavailable", "the report could not be stored; try again"));
        }
        return count(stage, PushOutcome.accepted(Report.idOf(kind, caller, report.reference())));
    }

    private PushOutcome deadLetter(SourceKind kind, String caller, String stage, Rejection rejection, String text,
                                   Marking claimed) {
        DeadLetter letter = DeadLetters.of(null, kind, caller, stage, rejection, text, clock.instant(), claimed);
        if (!send(new ProducerRecord<>(Topics.DLQ, letter.itemId(), JsonSerde.of(DeadLetter.class)
                .serialize(Topics.DLQ, letter)))) {
            return count(stage, PushOutcome.error(503, "unavailable", "the report could not be stored; try again"));
        }
        return count(stage, PushOutcome.error(400, rejection.reason().label(), rejection.detail()));
    }

    /** Sends and waits for the acknowledgement; false when Kafka did not confirm the write. */
    private boolean send(ProducerRecord<String, byte[]> record) {
        try {
            Acknowledged.send(producer, record);
            return true;
        } catch (java.io.IOException e) {
            LOG.error(e.getMessage());
            return false;
        }
    }

    private static Optional<SituationReportFormat> formatOf(SourceKind kind, String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/json" -> Optional.of(kind == SourceKind.POST ? SituationReportFormat.POST_JSON
                    : SituationReportFormat.PARTNER_JSON);
            case "text/plain" -> kind == SourceKind.POST ? Optional.of(SituationReportFormat.POST_CABLE)
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static PushOutcome count(String stage, PushOutcome outcome) {
        Metrics.counter("horizon.ingest.pushed", "stage", stage, "status", Integer.toString(outcome.status()))
                .increment();
        return outcome;
    }
}

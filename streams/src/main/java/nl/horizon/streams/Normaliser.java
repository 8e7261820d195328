package nl.horizon.streams;

import nl.horizon.formats.DeadLetters;
import nl.horizon.formats.ItemFormats;
import nl.horizon.formats.Rejection;
import nl.horizon.schema.Json;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Topics;
import nl.horizon.streams.text.CountryMentions;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Turns a raw item's bytes into a report with the parser of its format, and finds the countries in the
 * text of a report whose source named none. Reads the envelope itself
 * rather than through a serde, so that even a corrupt envelope becomes a dead letter instead of
 * stopping the topology. Rejections are stamped with the record's timestamp, not the wall clock, so a
 * replay reproduces them byte for byte.
 */
final class Normaliser implements FixedKeyProcessor<String, byte[], Normalised> {

    static final String STAGE = "normalise";
    /**
     * How far a report's date may lie after the moment it was read (time zones, clock skew: a date-only
     * report written "tomorrow" east of UTC). Later is a mistake, and a mistaken future date would drag its
     * tier's event-time clock ahead of the days the meeting looks at.
     */
    static final java.time.Duration FUTURE_TOLERANCE = java.time.Duration.ofDays(1);
    /**
     * The earliest date a report may carry: the start of the conflict histories Horizon is built on
     * (UCDP/PRIO, from 1946). An earlier date is a mistake (a year 1900 for "unknown"), and it would move the
     * start of its tier's history, from which warm-up and baselines count, for every country.
     */
    static final Instant EARLIEST = Instant.parse("1946-01-01T00:00:00Z");

    private final ItemFormats formats;
    private final CountryMentions places;
    private FixedKeyProcessorContext<String, Normalised> context;

    Normaliser(ItemFormats formats, CountryMentions places) {
        this.formats = formats;
        this.places = places;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Normalised> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        context.forward(record.withValue(normalise(record)));
    }

    private Normalised normalise(FixedKeyRecord<String, byte[]> record) {
        Instant at = Instant.ofEpochMilli(record.timestamp());
        RawItem item;
        try {
            item = Json.mapper().readValue(record.value(), RawItem.class);
        } catch (IOException | RuntimeException e) {
            SourceKind kind = kindOfTopic();
            String payload = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
            return new Normalised.Rejected(DeadLetters.of(record.key(), kind, "unknown", STAGE,
                    new Rejection(RejectReason.MALFORMED, "not a raw item envelope: " + e.getMessage()), payload, at,
                    formats.markings().undetermined()));
        }
        try {
            Report report = formats.toReport(item);
            if (report.publishedAt().isAfter(item.fetchedAt().plus(FUTURE_TOLERANCE))) {
                throw new Rejection(RejectReason.INVALID_FIELD, "date " + report.publishedAt()
                        + " lies after the item was read (" + item.fetchedAt() + "); a report cannot be from the future");
            }
            if (report.publishedAt().isBefore(EARLIEST)) {
                throw new Rejection(RejectReason.INVALID_FIELD, "date " + report.publishedAt() + " lies before "
                        + EARLIEST + ", where the conflict histories Horizon scores against begin; check the date");
            }
            return new Normalised.Accepted(withCountries(report));
        } catch (Rejection rejection) {
            return new Normalised.Rejected(DeadLetters.of(item.itemId(), item.sourceKind(), item.sourceName(), STAGE,
                    rejection, item.payload(), at, formats.claimed(item)));
        }
    }

    /** A report whose source named no country gets the countries its text is about, if any. */
    Report withCountries(Report report) {
        if (!report.countries().isEmpty()) {
            return report;
        }
        return report.withCountries(places.resolve(report.title(), report.body()));
    }

    private SourceKind kindOfTopic() {
        String topic = context.recordMetadata().map(m -> m.topic()).orElse("");
        for (SourceKind kind : SourceKind.values()) {
            if (Topics.raw(kind).equals(topic)) {
                return kind;
            }
        }
        return SourceKind.PARTNER;
    }
}

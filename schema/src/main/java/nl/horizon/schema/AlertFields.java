package nl.horizon.schema;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What another alerting system said of an alert it published as a Common Alerting Protocol (CAP 1.1 or
 * 1.2) message, carried on the {@link Report} made from it, so that the sender, how sure and how severe it
 * is, where, and which earlier messages it supersedes stay typed fields instead of words in the body. Only
 * messages with status {@code Actual} become reports (exercises, tests, system messages and drafts are
 * dead letters), so the status is not repeated here.
 *
 * @param sender     who sent it ({@code sender}; for an index entry without one, the feed's author)
 * @param identifier the sender's id of this message
 * @param sent       when this message was sent
 * @param msgType    {@code Alert}, {@code Update} (supersedes the messages it references) or {@code Cancel}
 *                   (withdraws them)
 * @param event      what it is about ({@code info/event}), e.g. {@code Child Abduction}
 * @param categories CAP categories ({@code Security}, {@code Met}, ...)
 * @param urgency    {@code Immediate}, {@code Expected}, {@code Future}, {@code Past} or {@code Unknown}
 * @param severity   {@code Extreme}, {@code Severe}, {@code Moderate}, {@code Minor} or {@code Unknown}
 * @param certainty  {@code Observed}, {@code Likely}, {@code Possible}, {@code Unlikely} or {@code Unknown}
 * @param expires    when the sender stops vouching for it, if it says
 * @param areaDesc   the area as the sender described it
 * @param geocodes   the area's codes ({@code ISO3166-1-alpha-3}, {@code FIPS6}, {@code UGC}, {@code SAME}, ...)
 * @param references the earlier messages it refers to, {@code sender,identifier,sent} each, as written
 */
public record AlertFields(String sender, String identifier, Instant sent, CapMessageType msgType, String event,
                          List<String> categories, String urgency, String severity, String certainty,
                          Instant expires, String areaDesc, List<Geocode> geocodes, List<String> references) {

    public AlertFields {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(msgType, "msgType");
        categories = categories == null ? List.of() : List.copyOf(categories);
        geocodes = geocodes == null ? List.of() : List.copyOf(geocodes);
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** Whether the sender withdrew the alert: a {@code Cancel}, shown as withdrawn. */
    public boolean withdrawn() {
        return msgType == CapMessageType.CANCEL;
    }

    /**
     * One code of an alert's area.
     *
     * @param valueName the code system, e.g. {@code ISO3166-1-alpha-3} or {@code UGC}
     * @param value     the code
     */
    public record Geocode(String valueName, String value) {
    }
}

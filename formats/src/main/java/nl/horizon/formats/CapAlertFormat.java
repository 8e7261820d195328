package nl.horizon.formats;

import nl.horizon.schema.AlertFields;
import nl.horizon.schema.CapMessageType;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Countries;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.Reasons;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.Report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A CAP message ({@link CapDocument}) as a report: the headline (else the event) is the title, description and
 * instruction with the area named are the body, {@code sent} is the event time, and everything the sender
 * said of the alert is carried typed ({@link AlertFields}). The report id is its item's, the first alert of
 * its chain, so an update replaces the report and a cancellation marks it withdrawn.
 *
 * <p>Only real alerts become reports: a status other than {@code Actual} (an exercise, a test, a system
 * message, a draft) and an {@code Ack} or {@code Error} are dead letters ({@code not-an-alert}); an update or
 * cancellation that references nothing is {@code invalid-field}. An alert whose {@code scope} is not
 * {@code Public} is refused from a feed configured {@code public}: its sender restricted it, and storing it
 * as public would show it to every reader.
 *
 * <p>Countries come from the area's geocodes: {@code ISO3166-1-alpha-3} (and alpha-2) codes name them, and
 * the United States' {@code FIPS6}, {@code UGC} and {@code SAME} codes mean the United States. Without
 * such codes the normaliser finds the countries in the text, area included.
 */
final class CapAlertFormat implements ItemFormat {

    private static final Set<String> US_CODES = Set.of("fips6", "ugc", "same");

    @Override
    public String formatName() {
        return CapDocument.ALERT_FORMAT;
    }

    @Override
    public Report toReport(RawItem item) throws Rejection {
        CapMessage message = CapMessage.read(CapDocument.parse(item.payload()).getDocumentElement());
        if (!"Actual".equals(message.status())) {
            throw new Rejection(RejectReason.NOT_AN_ALERT, "CAP status '" + Reasons.quote(message.status())
                    + "' is not a real alert (only Actual is read): " + message.key());
        }
        CapMessageType type = type(message);
        if (type != CapMessageType.ALERT && message.references().isEmpty()) {
            throw new Rejection(RejectReason.INVALID_FIELD, "a CAP " + type.label()
                    + " must reference the messages it supersedes; " + message.key() + " references none");
        }
        if (message.scope() != null && !"Public".equals(message.scope())
                && item.classification() == Classification.PUBLIC) {
            throw new Rejection(RejectReason.INVALID_FIELD, "CAP scope '" + Reasons.quote(message.scope())
                    + "' on a feed classified public: its sender restricted it; read it from a feed whose "
                    + "feed.classification is the level its readers need");
        }
        String language = message.language() == null ? null
                : message.language().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return ItemReports.of(item, countries(message.geocodes()), language != null && language.matches("[a-z]{2}")
                        ? language : null, message.sent(), message.title(), message.body(), null, message.links())
                .withAlert(message.fields(type));
    }

    private static CapMessageType type(CapMessage message) throws Rejection {
        if ("Ack".equals(message.msgType()) || "Error".equals(message.msgType())) {
            throw new Rejection(RejectReason.NOT_AN_ALERT, "CAP msgType '" + message.msgType()
                    + "' answers another message and carries no alert: " + message.key());
        }
        try {
            return CapMessageType.parse(message.msgType());
        } catch (IllegalArgumentException e) {
            throw ItemFields.invalid("msgType", message.msgType(), "Alert, Update, Cancel, Ack or Error");
        }
    }

    /** The countries the geocodes name, in order; none when they name none. */
    static List<String> countries(List<AlertFields.Geocode> geocodes) throws Rejection {
        List<String> countries = new ArrayList<>();
        for (AlertFields.Geocode geocode : geocodes) {
            String system = geocode.valueName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            for (String code : geocode.value().trim().split("\\s+")) {
                String country = switch (system) {
                    case "iso31661alpha3" -> Countries.isAlpha3(code) ? code : unknown(geocode, code);
                    case "iso31661alpha2" -> Arrays.asList(Locale.getISOCountries()).contains(code)
                            ? new Locale("", code).getISO3Country() : unknown(geocode, code);
                    default -> US_CODES.contains(system) ? "USA" : null;
                };
                if (country != null && !countries.contains(country)) {
                    countries.add(country);
                }
            }
        }
        return countries;
    }

    private static String unknown(AlertFields.Geocode geocode, String code) throws Rejection {
        throw new Rejection(RejectReason.UNKNOWN_COUNTRY, "geocode " + geocode.valueName() + ": '"
                + Reasons.quote(code) + "' is not a known country");
    }
}

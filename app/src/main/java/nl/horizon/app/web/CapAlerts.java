package nl.horizon.app.web;

import nl.horizon.schema.Classification;
import nl.horizon.schema.Countries;
import nl.horizon.schema.Revision;
import nl.horizon.schema.RiskLevel;
import nl.horizon.schema.Signal;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Signals as Common Alerting Protocol 1.2 messages, alone ({@code /api/signals/{id}/cap}) or each embedded
 * whole in an entry of an Atom feed ({@code /feeds/signals.cap.atom}), so that another alerting system, or
 * another Horizon, can follow them. Each revision of a signal is a message of its own: the first an
 * {@code Alert}, later ones an {@code Update} and a withdrawal a {@code Cancel}, and each references every
 * revision before it ({@code sender,identifier,sent}, oldest first), so a reader that missed some still
 * knows which alert it supersedes. {@code sent} is the day the revision was published as known
 * ({@link Revision#knownAsOf()}, the event-time clock of its tier), never the day scored, so that messages
 * of one signal follow one another; {@code expires} is {@code sent} plus the configured validity.
 *
 * @param sender   who Horizon is to alert readers ({@code cap.sender}, by default the public base URL's host)
 * @param baseUrl  where readers reach this server, for the links back to the dashboard
 * @param validity how long after it was sent a message holds, unless a later one supersedes it
 */
public record CapAlerts(String sender, String baseUrl, Duration validity) {

    /** The CAP 1.2 namespace. */
    public static final String CAP_NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    private static final String ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";
    /** CAP wants offsets, never {@code Z}: UTC is written {@code -00:00}. */
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'-00:00'");

    /** One signal's current revision as a CAP document. */
    public String alert(Signal s) {
        return write(xml -> {
            xml.writeStartDocument("UTF-8", "1.0");
            alert(xml, s);
            xml.writeEndDocument();
        });
    }

    /** An Atom feed whose entries each hold one signal's current revision as a whole CAP alert. */
    public String feed(List<Signal> signals, String title) {
        return write(xml -> {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM_NAMESPACE);
            element(xml, "id", "urn:horizon:cap:" + sender + ":" + title.replaceAll("[^A-Za-z0-9]+", "-")
                    .toLowerCase(java.util.Locale.ROOT));
            element(xml, "title", title);
            element(xml, "updated", signals.stream().map(this::sent).max(ZonedDateTime::compareTo)
                    .orElse(ZonedDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)).toInstant().toString());
            xml.writeStartElement("author");
            element(xml, "name", sender);
            xml.writeEndElement();
            link(xml, "alternate", "text/html", baseUrl + "/");
            for (Signal s : signals) {
                xml.writeStartElement("entry");
                element(xml, "id", "urn:horizon:cap:" + sender + ":" + identifier(s, number(s)));
                element(xml, "title", s.headline());
                element(xml, "updated", sent(s).toInstant().toString());
                link(xml, "alternate", "text/html", SignalFeeds.page(baseUrl, s));
                link(xml, "related", "application/cap+xml", baseUrl + "/api/signals/"
                        + URLEncoder.encode(s.id(), StandardCharsets.UTF_8) + "/cap");
                element(xml, "summary", SignalFeeds.description(s));
                xml.writeStartElement("content");
                xml.writeAttribute("type", "application/cap+xml");
                alert(xml, s);
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
        });
    }

    private void alert(XMLStreamWriter xml, Signal s) throws XMLStreamException {
        int revision = number(s);
        xml.writeStartElement("alert");
        xml.writeDefaultNamespace(CAP_NAMESPACE);
        element(xml, "identifier", identifier(s, revision));
        element(xml, "sender", sender);
        element(xml, "sent", CAP_TIME.format(sent(s)));
        element(xml, "status", "Actual");
        element(xml, "msgType", !s.standing() ? "Cancel" : revision > 1 ? "Update" : "Alert");
        if (s.classification() == Classification.PUBLIC) {
            element(xml, "scope", "Public");
        } else {
            element(xml, "scope", "Restricted");
            element(xml, "restriction", "classified " + s.classification().label()
                    + ": for readers cleared to that level only");
        }
        List<String> references = references(s);
        if (!references.isEmpty()) {
            element(xml, "references", String.join(" ", references));
        }
        xml.writeStartElement("info");
        element(xml, "language", "en");
        element(xml, "category", "Security");
        element(xml, "event", "Early-warning signal");
        element(xml, "urgency", "Future");
        element(xml, "severity", severity(s.level()));
        element(xml, "certainty", "Possible");
        element(xml, "expires", CAP_TIME.format(sent(s).plus(validity)));
        element(xml, "senderName", "Horizon early warning (" + sender + ")");
        element(xml, "headline", s.headline());
        element(xml, "description", SignalFeeds.description(s));
        element(xml, "web", SignalFeeds.page(baseUrl, s));
        parameter(xml, "horizon-score", String.valueOf(s.score()));
        parameter(xml, "horizon-level", s.level().label());
        parameter(xml, "horizon-lifecycle", s.lifecycle().label());
        parameter(xml, "horizon-indicator", s.detection().indicator());
        xml.writeStartElement("area");
        element(xml, "areaDesc", Countries.englishName(s.country()));
        xml.writeStartElement("geocode");
        element(xml, "valueName", "ISO3166-1-alpha-3");
        element(xml, "value", s.country());
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /**
     * Every earlier revision, oldest first. A signal published before revisions remembered their days
     * ({@link Revision#earlier()} empty) names none: a reference with a guessed {@code sent} would name a
     * message that never existed.
     */
    private List<String> references(Signal s) {
        List<String> references = new ArrayList<>();
        List<LocalDate> earlier = s.revision() == null ? List.of() : s.revision().earlier();
        for (int k = 1; k <= earlier.size(); k++) {
            references.add(sender + "," + identifier(s, k) + "," + CAP_TIME.format(
                    earlier.get(k - 1).atStartOfDay(ZoneOffset.UTC)));
        }
        return references;
    }

    /** When the revision was published: the day its tier's clock had reached; the signal's day before revisions. */
    private ZonedDateTime sent(Signal s) {
        LocalDate day = s.revision() == null ? s.day() : s.revision().knownAsOf();
        return day.atStartOfDay(ZoneOffset.UTC);
    }

    private static int number(Signal s) {
        return s.revision() == null ? 1 : s.revision().number();
    }

    /** The CAP identifier of one revision of a signal: the first keeps the plain id. */
    private static String identifier(Signal s, int revision) {
        String id = "horizon-" + s.id().replaceAll("[^A-Za-z0-9:.-]", "-");
        return revision == 1 ? id : id + "-r" + revision;
    }

    private static String severity(RiskLevel level) {
        return switch (level) {
            case CALM -> "Minor";
            case WATCH -> "Moderate";
            case WARNING -> "Severe";
            case ALERT -> "Extreme";
        };
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    private static void parameter(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement("parameter");
        element(xml, "valueName", name);
        element(xml, "value", value);
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private interface Writing {
        void to(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static String write(Writing writing) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            writing.to(xml);
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write CAP", e);
        }
        return out.toString();
    }
}

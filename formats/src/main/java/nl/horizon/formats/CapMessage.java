package nl.horizon.formats;

import nl.horizon.schema.AlertFields;
import nl.horizon.schema.CapMessageType;
import nl.horizon.schema.Reasons;
import nl.horizon.schema.RejectReason;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Common Alerting Protocol message (CAP 1.0, 1.1 or 1.2) as read from XML: a whole {@code <alert>}, or
 * a feed entry that carries the alert's fields as {@code cap:} elements (the National Weather Service's
 * index: an Atom entry with {@code cap:event}, {@code cap:severity}, {@code cap:geocode}, ... and no
 * identifier, sender or sent of its own, which then come from the entry's id, author and date). Of an alert
 * with several {@code <info>} blocks (one per language, as a rule) every block is read: the text is that of
 * the blocks in one language ({@link #chosenLanguage}), the areas, geocodes and categories those of all, so
 * that no place the sender named is lost.
 *
 * <p>A message is known by its {@code sender,identifier,sent}, the triplet other messages reference it by.
 * {@link #key()} writes {@code sent} as an instant, so that two senders' spellings of one time
 * ({@code -00:00}, {@code +00:00}) name the same message.
 */
record CapMessage(String sender, String identifier, Instant sent, String status, String msgType, String scope,
                  List<String> references, String event, List<String> categories, String urgency, String severity,
                  String certainty, Instant expires, String areaDesc, List<AlertFields.Geocode> geocodes,
                  String title, String body, String language, List<String> links) {

    /** Every CAP version's namespace starts with this. */
    static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /** The languages Horizon's lexicons and analysts read, preferred for an alert given in several. */
    static final List<String> READ_LANGUAGES = List.of("en", "nl", "fr");

    /** Whether {@code element} is a CAP {@code <alert>}. */
    static boolean isAlert(Element element) {
        return "alert".equals(element.getLocalName()) && isCap(element);
    }

    /** Reads a CAP {@code <alert>}, or a feed entry carrying {@code cap:} elements. */
    static CapMessage read(Element element) throws Rejection {
        return isAlert(element) ? alert(element) : indexEntry(element);
    }

    /** {@code sender,identifier,sent}, with {@code sent} as an instant. */
    String key() {
        return sender + "," + identifier + "," + sent;
    }

    /**
     * The key of the first message of this one's chain: the earliest it references (the first listed of
     * equally early ones), or itself when it references none. An update or cancellation is a new version of
     * what its first alert reported.
     */
    String root() throws Rejection {
        String root = key();
        Instant earliest = null;
        for (String reference : references) {
            String[] parts = reference.split(",", -1);
            if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw new Rejection(RejectReason.INVALID_FIELD, "references: '" + Reasons.quote(reference)
                        + "' is not valid; expected sender,identifier,sent");
            }
            Instant at = instant("references", parts[2]);
            if (earliest == null || at.isBefore(earliest)) {
                earliest = at;
                root = parts[0] + "," + parts[1] + "," + at;
            }
        }
        return root;
    }

    /** The fields a report carries, for a message of {@code type}. */
    AlertFields fields(CapMessageType type) {
        return new AlertFields(sender, identifier, sent, type, event, categories, urgency, severity, certainty,
                expires, areaDesc, geocodes, references);
    }

    private static CapMessage alert(Element alert) throws Rejection {
        List<Element> infos = children(alert, "info");
        String language = chosenLanguage(infos);
        List<Element> chosen = new ArrayList<>();
        List<Element> others = new ArrayList<>();
        for (Element info : infos) {
            (languageOf(info).equals(language) ? chosen : others).add(info);
        }
        Element info = chosen.isEmpty() ? null : chosen.get(0);
        List<String> areas = new ArrayList<>();
        List<AlertFields.Geocode> geocodes = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (Element block : chosen) {
            for (Element area : children(block, "area")) {
                List<AlertFields.Geocode> codes = areaGeocodes(area);
                text(area, "areaDesc").filter(d -> !areas.contains(d)).ifPresent(areas::add);
                codes.stream().filter(g -> !geocodes.contains(g)).forEach(geocodes::add);
            }
            texts.addAll(present(text(block, "description"), text(block, "instruction")));
            text(block, "web").filter(w -> !links.contains(w)).ifPresent(links::add);
        }
        for (Element block : others) { // the same alert in another language: only the places it adds
            for (Element area : children(block, "area")) {
                List<AlertFields.Geocode> codes = areaGeocodes(area);
                if (codes.isEmpty() || !geocodes.containsAll(codes)) {
                    text(area, "areaDesc").filter(d -> !areas.contains(d)).ifPresent(areas::add);
                    codes.stream().filter(g -> !geocodes.contains(g)).forEach(geocodes::add);
                }
            }
        }
        for (Element block : infos) {
            for (Element category : children(block, "category")) {
                String name = category.getTextContent().trim();
                if (!categories.contains(name)) {
                    categories.add(name);
                }
            }
        }
        String areaDesc = areas.isEmpty() ? null : String.join("; ", areas);
        Optional<String> headline = info == null ? Optional.empty() : text(info, "headline").or(() -> text(info, "event"));
        return new CapMessage(required(alert, "sender"), required(alert, "identifier"),
                instant("sent", required(alert, "sent")), required(alert, "status"), required(alert, "msgType"),
                text(alert, "scope").orElse(null), references(text(alert, "references")),
                infoText(info, "event"), categories, infoText(info, "urgency"), infoText(info, "severity"),
                infoText(info, "certainty"), info == null ? null : optionalInstant(info, "expires"), areaDesc, geocodes,
                headline.orElse(required(alert, "identifier")), withArea(String.join("\n\n", texts), areaDesc),
                language, links);
    }

    /**
     * The language a report of the alert is written in: that of the first {@code <info>} in a language
     * Horizon reads ({@link #READ_LANGUAGES}: its lexicons and its analysts'), else that of the first; null
     * for an alert without {@code <info>}. An alert gives one {@code <info>} per language as a rule, each
     * the whole alert; one language is kept so that the report reads as one text and is matched with one
     * lexicon. Several blocks in that language (one per area or event) are all kept.
     */
    private static String chosenLanguage(List<Element> infos) {
        for (Element info : infos) {
            String language = languageOf(info);
            if (READ_LANGUAGES.contains(language.split("[-_]")[0])) {
                return language;
            }
        }
        return infos.isEmpty() ? null : languageOf(infos.get(0));
    }

    /** An {@code <info>}'s language, lower case; CAP's default is {@code en-US}. */
    private static String languageOf(Element info) {
        return text(info, "language").orElse("en-US").toLowerCase(java.util.Locale.ROOT);
    }

    private static List<AlertFields.Geocode> areaGeocodes(Element area) {
        List<AlertFields.Geocode> codes = new ArrayList<>();
        for (Element geocode : children(area, "geocode")) {
            codes.addAll(pairs(geocode));
        }
        return codes;
    }

    private static CapMessage indexEntry(Element entry) throws Rejection {
        List<AlertFields.Geocode> geocodes = new ArrayList<>();
        for (Element geocode : children(entry, "geocode")) {
            geocodes.addAll(pairs(geocode));
        }
        List<String> categories = new ArrayList<>();
        for (Element category : children(entry, "category")) {
            categories.add(category.getTextContent().trim());
        }
        String id = text(entry, "identifier").or(() -> plain(entry, "id")).or(() -> plain(entry, "guid"))
                .or(() -> plain(entry, "link")).orElseThrow(() -> missing("identifier (or the entry's id)"));
        String sender = text(entry, "sender").or(() -> author(entry))
                .orElseThrow(() -> missing("sender (or the entry's author)"));
        Optional<String> sentText = text(entry, "sent");
        Instant sent = sentText.isPresent() ? instant("sent", sentText.get()) : entryDate(entry);
        String areaDesc = text(entry, "areaDesc").orElse(null);
        List<String> links = new ArrayList<>();
        for (Element link : plainChildren(entry, "link")) {
            String href = link.hasAttribute("href") ? link.getAttribute("href") : link.getTextContent().trim();
            if (!href.isEmpty()) {
                links.add(href);
            }
        }
        return new CapMessage(sender, id, sent, text(entry, "status").orElseThrow(() -> missing("cap:status")),
                text(entry, "msgType").orElseThrow(() -> missing("cap:msgType")), text(entry, "scope").orElse(null),
                references(text(entry, "references")), text(entry, "event").orElse(null), categories,
                text(entry, "urgency").orElse(null), text(entry, "severity").orElse(null),
                text(entry, "certainty").orElse(null), optionalInstant(entry, "expires"), areaDesc, geocodes,
                plain(entry, "title").or(() -> text(entry, "event")).orElse(id),
                withArea(plain(entry, "summary").or(() -> plain(entry, "description")).orElse(""), areaDesc),
                null, links);
    }

    /** The body, with the area named, so that a reader (and the normaliser's place names) sees where. */
    private static String withArea(String text, String areaDesc) {
        if (areaDesc == null) {
            return text;
        }
        return text.isEmpty() ? "Area: " + areaDesc : text + "\n\nArea: " + areaDesc;
    }

    /**
     * A {@code geocode} or {@code parameter}: CAP 1.1 and 1.2 give one {@code valueName} and {@code value}
     * each; the NWS index lists several pairs in one element.
     */
    private static List<AlertFields.Geocode> pairs(Element geocode) {
        List<AlertFields.Geocode> pairs = new ArrayList<>();
        String name = null;
        for (Node n = geocode.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                if ("valueName".equals(n.getLocalName())) {
                    name = n.getTextContent().trim();
                } else if ("value".equals(n.getLocalName()) && name != null) {
                    pairs.add(new AlertFields.Geocode(name, n.getTextContent().trim()));
                }
            }
        }
        return pairs;
    }

    private static List<String> references(Optional<String> text) {
        return text.map(t -> List.of(t.trim().split("\\s+"))).orElse(List.of());
    }

    private static Optional<String> author(Element entry) {
        for (Element author : plainChildren(entry, "author")) {
            Optional<String> name = plain(author, "name");
            if (name.isPresent()) {
                return name;
            }
            String text = author.getTextContent().trim(); // RSS: <author>an address</author>
            if (!text.isEmpty()) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    private static Instant entryDate(Element entry) throws Rejection {
        Optional<String> atom = plain(entry, "published").or(() -> plain(entry, "updated"));
        if (atom.isPresent()) {
            return instant("published", atom.get());
        }
        Optional<String> rss = plain(entry, "pubDate");
        if (rss.isPresent()) {
            try {
                return OffsetDateTime.parse(rss.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw ItemFields.invalid("pubDate", rss.get(), "an RFC 822 date");
            }
        }
        throw missing("sent (or the entry's published date)");
    }

    private static String infoText(Element info, String name) {
        return info == null ? null : text(info, name).orElse(null);
    }

    private static Instant optionalInstant(Element parent, String name) throws Rejection {
        Optional<String> text = text(parent, name);
        return text.isEmpty() ? null : instant(name, text.get());
    }

    /** A CAP date-time, which always has an offset ({@code -00:00} for UTC). */
    private static Instant instant(String field, String text) throws Rejection {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ItemFields.invalid(field, text, "a date-time with offset, such as 2003-06-11T22:39:00-07:00");
        }
    }

    private static String required(Element parent, String name) throws Rejection {
        return text(parent, name).orElseThrow(() -> missing(name));
    }

    private static Rejection missing(String name) {
        return new Rejection(RejectReason.INVALID_FIELD, "CAP message without " + name);
    }

    private static List<String> present(Optional<String> a, Optional<String> b) {
        List<String> out = new ArrayList<>();
        a.ifPresent(out::add);
        b.ifPresent(out::add);
        return out;
    }

    /** The text of the first CAP child named {@code name}; empty when missing or blank. */
    private static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().trim()).filter(t -> !t.isEmpty());
    }

    private static Optional<Element> child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The CAP children named {@code name}. */
    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && name.equals(n.getLocalName()) && isCap(n)) {
                out.add((Element) n);
            }
        }
        return out;
    }

    /** The text of the first feed (Atom or RSS, not CAP) child named {@code name}. */
    private static Optional<String> plain(Element parent, String name) {
        return plainChildren(parent, name).stream().map(e -> e.getTextContent().trim()).filter(t -> !t.isEmpty())
                .findFirst();
    }

    private static List<Element> plainChildren(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && name.equals(n.getLocalName())
                    && (n.getNamespaceURI() == null || ATOM.equals(n.getNamespaceURI()))) {
                out.add((Element) n);
            }
        }
        return out;
    }

    private static boolean isCap(Node node) {
        return node.getNamespaceURI() != null && node.getNamespaceURI().startsWith(NAMESPACE);
    }
}

package nl.horizon.formats;

import nl.horizon.schema.RejectReason;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A document of Common Alerting Protocol messages, as other alerting systems publish them: one
 * {@code <alert>}, or an Atom or RSS feed whose entries each carry one (a whole {@code <alert>} inside the
 * entry, as XML or as escaped text in its content, or the alert's fields as {@code cap:} elements of the
 * entry, as in the National Weather Service's index). Read with the JDK's DOM after {@link SafeXml} has
 * refused any DOCTYPE. Each message becomes a {@code cap-alert} item whose payload is the alert (or the
 * entry) as XML.
 *
 * <p>The item id is the key ({@code sender,identifier,sent}) of the first message of its chain, and the
 * version the message's own key: an update or cancellation comes as a new version of the item its first
 * alert made, keyed alike on the raw topic (so it is read after it) and upserting the same report. Where
 * one document holds several messages of one chain, the newest goes out and each older one is a dead
 * letter ({@code superseded}, naming the message that supersedes it).
 */
public final class CapDocument {

    /** The item format of CAP messages. */
    public static final String ALERT_FORMAT = "cap-alert";

    private CapDocument() {
    }

    /**
     * Splits a document into its CAP messages.
     *
     * @throws Rejection when the whole document is hostile, malformed, or neither an alert nor a feed
     */
    public static List<Split> split(byte[] xml) throws Rejection {
        Element root = SafeXml.document(xml).getDocumentElement();
        if (CapMessage.isAlert(root)) {
            CapMessage message = CapMessage.read(root);
            return List.of(new Split.Item(new SourceItem(message.root(), ALERT_FORMAT, SafeXml.text(root),
                    message.key())));
        }
        List<Element> entries = entries(root);
        List<Read> read = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            read.add(read(entries.get(i), root, "entry " + (i + 1)));
        }
        return newestOfEachChain(read);
    }

    /** What one entry gave: a message with its payload and chain, or the reason it gave none. */
    private record Read(String locator, String payload, CapMessage message, String chain, Rejection rejection) {
    }

    private static List<Split> newestOfEachChain(List<Read> read) {
        Map<String, Read> newest = new HashMap<>();
        for (Read r : read) {
            if (r.message() != null) {
                newest.merge(r.chain(), r, (a, b) -> b.message().sent().isBefore(a.message().sent()) ? a : b);
            }
        }
        List<Split> splits = new ArrayList<>();
        for (Read r : read) {
            if (r.message() == null) {
                splits.add(new Split.Rejected(r.locator(), r.rejection(), r.payload()));
            } else if (newest.get(r.chain()) != r) {
                splits.add(new Split.Rejected(r.locator(), new Rejection(RejectReason.SUPERSEDED, "CAP message "
                        + r.message().key() + " is superseded by " + newest.get(r.chain()).message().key()
                        + " in the same document"), r.payload()));
            } else {
                splits.add(new Split.Item(new SourceItem(r.chain(), ALERT_FORMAT, r.payload(), r.message().key())));
            }
        }
        return splits;
    }

    private static Read read(Element entry, Element feed, String locator) {
        String payload = SafeXml.text(entry);
        try {
            Optional<Element> alert = embeddedAlert(entry);
            if (alert.isPresent()) {
                payload = SafeXml.text(alert.get());
                return message(locator, payload, CapMessage.read(alert.get()));
            }
            if (hasCapFields(entry)) {
                Element withSender = withFeedAuthor(entry, feed);
                payload = SafeXml.text(withSender);
                return message(locator, payload, CapMessage.read(withSender));
            }
            throw new Rejection(RejectReason.INVALID_FIELD, "the entry carries no CAP alert (neither an <alert> "
                    + "nor cap: elements)");
        } catch (Rejection rejection) {
            return new Read(locator, payload, null, null, rejection);
        }
    }

    private static Read message(String locator, String payload, CapMessage message) throws Rejection {
        return new Read(locator, payload, message, message.root(), null);
    }

    /** An {@code <alert>} inside the entry as XML, or as the escaped text of its content or description. */
    private static Optional<Element> embeddedAlert(Element entry) throws Rejection {
        NodeList alerts = entry.getElementsByTagNameNS("*", "alert");
        for (int i = 0; i < alerts.getLength(); i++) {
            Element alert = (Element) alerts.item(i);
            if (CapMessage.isAlert(alert)) {
                return Optional.of(alert);
            }
        }
        for (Node n = entry.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && ("content".equals(n.getLocalName()) || "description".equals(n.getLocalName()))
                    && !CapMessage.isAlert((Element) n) && n.getTextContent().trim().startsWith("<")) {
                Element escaped = SafeXml.document(n.getTextContent().trim().getBytes(StandardCharsets.UTF_8))
                        .getDocumentElement();
                if (CapMessage.isAlert(escaped)) {
                    return Optional.of(escaped);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasCapFields(Element entry) {
        for (Node n = entry.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && n.getNamespaceURI() != null
                    && n.getNamespaceURI().startsWith(CapMessage.NAMESPACE)) {
                return true;
            }
        }
        return false;
    }

    /** The entry, given the feed's author when it has none of its own: who sent an index entry's alert. */
    private static Element withFeedAuthor(Element entry, Element feed) {
        if (firstChild(entry, "author") != null || firstChild(feed, "author") == null) {
            return entry;
        }
        Element copy = (Element) entry.cloneNode(true);
        copy.appendChild(firstChild(feed, "author").cloneNode(true));
        return copy;
    }

    /** Atom entries, or RSS items (in {@code <channel>} for RSS 2.0, at the top for RSS 1.0). */
    private static List<Element> entries(Element root) throws Rejection {
        List<Element> entries = new ArrayList<>();
        switch (root.getLocalName()) {
            case "feed" -> collect(root, "entry", entries);
            case "rss" -> {
                Element channel = firstChild(root, "channel");
                if (channel != null) {
                    collect(channel, "item", entries);
                }
            }
            case "RDF" -> collect(root, "item", entries);
            default -> throw new Rejection(RejectReason.MALFORMED, "neither a CAP <alert> nor an Atom or RSS feed: "
                    + "the document is <" + root.getLocalName() + ">");
        }
        return entries;
    }

    private static void collect(Element parent, String name, List<Element> into) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && name.equals(n.getLocalName())) {
                into.add((Element) n);
            }
        }
    }

    private static Element firstChild(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        collect(parent, name, found);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The document as a DOM; for the format, which reads one item's payload. */
    static Document parse(String payload) throws Rejection {
        return SafeXml.document(payload.getBytes(StandardCharsets.UTF_8));
    }
}

package nl.horizon.formats;

import nl.horizon.schema.Reasons;
import nl.horizon.schema.RejectReason;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;

/**
 * Refuses hostile XML before any parser that might expand entities sees it: a document with a DOCTYPE
 * (the carrier of external entities and of "billion laughs" expansion) is rejected outright, and the
 * check itself runs with DTDs and external entities switched off, so nothing is fetched or expanded.
 * Feeds have no need for a DOCTYPE.
 */
public final class SafeXml {

    private static final XMLInputFactory FACTORY = newFactory();

    private SafeXml() {
    }

    /**
     * Checks that {@code xml} is well formed and has no DOCTYPE.
     *
     * @throws Rejection {@link RejectReason#HOSTILE_XML} for a DOCTYPE, {@link RejectReason#MALFORMED} otherwise
     */
    public static void check(byte[] xml) throws Rejection {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.DTD) {
                    throw new Rejection(RejectReason.HOSTILE_XML,
                            "XML with a DOCTYPE is refused (external entities and entity expansion are not allowed)");
                }
            }
        } catch (XMLStreamException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE") || message.contains("DTD")) {
                throw new Rejection(RejectReason.HOSTILE_XML, "XML with a DOCTYPE or entity is refused: "
                        + Reasons.firstLine(message), e);
            }
            throw new Rejection(RejectReason.MALFORMED, "not well-formed XML: " + Reasons.firstLine(message), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing was opened that outlives the reader
                }
            }
        }
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external entity " + systemId + " refused");
        });
        return factory;
    }
}

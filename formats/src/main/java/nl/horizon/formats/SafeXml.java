package nl.horizon.formats;

import nl.horizon.schema.Reasons;
import nl.horizon.schema.RejectReason;

import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSSerializer;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;

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

    /**
     * Reads {@code xml} into a namespace-aware DOM, after {@link #check}: the parser itself also refuses a
     * DOCTYPE and never loads an external entity, schema or stylesheet, so the check is not the only guard.
     *
     * @throws Rejection as {@link #check} does
     */
    public static Document document(byte[] xml) throws Rejection {
        check(xml);
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // fatal errors throw, nothing is printed
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new Rejection(RejectReason.MALFORMED, "not well-formed XML: " + Reasons.firstLine(
                    String.valueOf(e.getMessage())), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a hardening feature", e);
        }
    }

    /**
     * An element as XML text, with the namespace declarations it needs from its ancestors, so that a part cut
     * from a document (a feed entry) reads alone.
     */
    public static String text(Node node) {
        DOMImplementationLS ls = (DOMImplementationLS) node.getOwnerDocument().getImplementation().getFeature("LS", "3.0");
        LSSerializer serializer = ls.createLSSerializer();
        serializer.getDomConfig().setParameter("xml-declaration", false);
        return serializer.writeToString(node);
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

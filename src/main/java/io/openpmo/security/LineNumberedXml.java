package io.openpmo.security;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a model into a DOM whose elements know the line they start on ({@link #line(Node)}), so that a
 * problem can be named by file, element id and line, as Camunda Modeler's XML view shows them. Safe against
 * XXE: a document type declaration is refused outright.
 */
public final class LineNumberedXml {

  private static final String LINE = "openpmo.line";

  private LineNumberedXml() {
  }

  /** The document, namespace-aware, every element annotated with its line. */
  public static Document parse(byte[] xml) throws Exception {
    SAXParserFactory factory = SAXParserFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setXIncludeAware(false);
    SAXParser parser = factory.newSAXParser();
    DocumentBuilderFactory builders = DocumentBuilderFactory.newInstance();
    builders.setNamespaceAware(true);
    Document document = builders.newDocumentBuilder().newDocument();
    parser.parse(new ByteArrayInputStream(xml), new DefaultHandler() {
      private final Deque<Node> open = new ArrayDeque<>(java.util.List.of(document));
      private Locator locator;
      private final StringBuilder text = new StringBuilder();

      @Override
      public void setDocumentLocator(Locator locator) {
        this.locator = locator;
      }

      @Override
      public void startElement(String uri, String localName, String qName, Attributes attributes) {
        flushText();
        Element element = document.createElementNS(uri == null || uri.isEmpty() ? null : uri, qName);
        for (int i = 0; i < attributes.getLength(); i++) {
          String attributeUri = attributes.getURI(i);
          String name = attributes.getQName(i);
          if (name.startsWith("xmlns")) {
            element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, name, attributes.getValue(i));
          } else {
            element.setAttributeNS(attributeUri == null || attributeUri.isEmpty() ? null : attributeUri, name,
                attributes.getValue(i));
          }
        }
        element.setUserData(LINE, locator == null ? 0 : locator.getLineNumber(), null);
        open.peek().appendChild(element);
        open.push(element);
      }

      @Override
      public void endElement(String uri, String localName, String qName) {
        flushText();
        open.pop();
      }

      @Override
      public void characters(char[] ch, int start, int length) {
        text.append(ch, start, length);
      }

      private void flushText() {
        if (!text.isEmpty()) {
          open.peek().appendChild(document.createTextNode(text.toString()));
          text.setLength(0);
        }
      }
    });
    return document;
  }

  /** The line an element starts on (its start tag's end, as SAX reports it); 0 when unknown. */
  public static int line(Node node) {
    for (Node n = node; n != null; n = n.getParentNode()) {
      Object line = n.getUserData(LINE);
      if (line instanceof Integer number) {
        return number;
      }
    }
    return 0;
  }
}

package it.sportello.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An Italian electronic invoice (FatturaPA, {@code FatturaElettronica} or {@code
 * FatturaElettronicaSemplificata}, usually signed as {@code .xml.p7m}): its text as {@code element:
 * value} lines, with each attached document ({@code Allegati/Attachment}, Base64) taken out and
 * decoded, so that the attachment's text is read instead of its Base64 being indexed.
 *
 * <p>The XML is parsed with no DTD, no external entities and no XInclude.
 */
record FatturaPa(String text, List<Attachment> attachments) {

  /** A document attached to the invoice. */
  record Attachment(String name, String format, String description, byte[] content) {}

  private static final String ATTACHMENT_MARKER = "[allegato ";

  /** The invoice, or null when the bytes are not a FatturaPA document (or not well-formed XML). */
  static FatturaPa read(byte[] xml) {
    if (!mentionsInvoice(xml)) {
      return null;
    }
    Document document;
    try {
      document = builder().parse(new ByteArrayInputStream(xml));
    } catch (SAXException | IOException | ParserConfigurationException e) {
      return null;
    }
    Element root = document.getDocumentElement();
    if (root == null || !root.getLocalName().startsWith("FatturaElettronica")) {
      return null;
    }
    List<Attachment> attachments = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    write(root, text, attachments);
    return new FatturaPa(text.toString().strip(), List.copyOf(attachments));
  }

  /** A cheap look before parsing: the root element's name near the start. */
  private static boolean mentionsInvoice(byte[] xml) {
    String start =
        new String(
            xml, 0, Math.min(xml.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1);
    return start.contains("FatturaElettronica");
  }

  private static void write(Element element, StringBuilder text, List<Attachment> attachments) {
    if ("Allegati".equals(element.getLocalName())) {
      Attachment attachment = attachment(element);
      if (attachment != null) {
        attachments.add(attachment);
        text.append(ATTACHMENT_MARKER)
            .append(attachment.name())
            .append(", ")
            .append(attachment.content().length)
            .append(" byte")
            .append(attachment.description() == null ? "" : ": " + attachment.description())
            .append("]\n");
        return;
      }
    }
    boolean hasChildElements = false;
    StringBuilder own = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element inner) {
        hasChildElements = true;
        write(inner, text, attachments);
      } else if (child.getNodeType() == Node.TEXT_NODE
          || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        own.append(child.getNodeValue());
      }
    }
    if (!hasChildElements && !own.toString().isBlank()) {
      text.append(element.getLocalName()).append(": ").append(own.toString().strip()).append('\n');
    }
  }

  private static Attachment attachment(Element allegati) {
    String name = null;
    String format = null;
    String description = null;
    String base64 = null;
    for (Node child = allegati.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element field) {
        switch (field.getLocalName()) {
          case "NomeAttachment" -> name = field.getTextContent().strip();
          case "FormatoAttachment" -> format = field.getTextContent().strip();
          case "DescrizioneAttachment" -> description = field.getTextContent().strip();
          case "Attachment" -> base64 = field.getTextContent();
          default -> {
            // AlgoritmoCompressione and the like: kept out of the text
          }
        }
      }
    }
    if (base64 == null) {
      return null;
    }
    byte[] content;
    try {
      content = Base64.getMimeDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
    return new Attachment(
        name == null || name.isBlank() ? "allegato" : name, format, description, content);
  }

  private static DocumentBuilder builder() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(new DefaultHandler()); // no printing to stderr
    return builder;
  }
}

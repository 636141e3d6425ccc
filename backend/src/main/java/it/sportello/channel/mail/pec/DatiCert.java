package it.sportello.channel.mail.pec;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The certification data of a PEC message ({@code daticert.xml}, root {@code postacert}): {@code
 * intestazione} (mittente, destinatari, risposte, oggetto) and {@code dati} (gestore-emittente,
 * data, identificativo, msgid, ricevuta, consegna, errore-esteso).
 */
record DatiCert(
    String tipo,
    String errore,
    String mittente,
    List<PecRecipient> destinatari,
    String oggetto,
    String gestoreEmittente,
    OffsetDateTime data,
    String identificativo,
    String msgid,
    String ricevuta,
    String consegna,
    String erroreEsteso) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  static DatiCert parse(InputStream xml) {
    Element root;
    try {
      root = builder().parse(xml).getDocumentElement();
    } catch (SAXException | IOException e) {
      throw new PecFormatException("daticert.xml is not well-formed XML: " + e.getMessage(), e);
    }
    if (!"postacert".equals(root.getTagName())) {
      throw new PecFormatException(
          "daticert.xml has root <" + root.getTagName() + ">, not <postacert>");
    }
    Element intestazione = child(root, "intestazione");
    Element dati = child(root, "dati");
    if (intestazione == null || dati == null) {
      throw new PecFormatException("daticert.xml lacks <intestazione> or <dati>");
    }
    List<PecRecipient> destinatari = new ArrayList<>();
    for (Element destinatario : children(intestazione, "destinatari")) {
      destinatari.add(
          new PecRecipient(
              destinatario.getTextContent().strip(),
              !"esterno".equals(destinatario.getAttribute("tipo"))));
    }
    Element ricevuta = child(dati, "ricevuta");
    return new DatiCert(
        attribute(root, "tipo"),
        attribute(root, "errore"),
        text(intestazione, "mittente"),
        destinatari,
        text(intestazione, "oggetto"),
        text(dati, "gestore-emittente"),
        date(child(dati, "data")),
        text(dati, "identificativo"),
        withoutAngleBrackets(text(dati, "msgid")),
        ricevuta == null ? null : attribute(ricevuta, "tipo"),
        text(dati, "consegna"),
        text(dati, "errore-esteso"));
  }

  /**
   * No DTD is loaded ({@code postacert.dtd} is referenced, never shipped) and no external entity is
   * resolved: the file comes from outside.
   */
  private static DocumentBuilder builder() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code <data zona="+0100"><giorno>16/03/2026</giorno><ora>10:15:32</ora></data>}. */
  private static OffsetDateTime date(Element data) {
    if (data == null) {
      return null;
    }
    String giorno = text(data, "giorno");
    String ora = text(data, "ora");
    if (giorno == null || ora == null) {
      throw new PecFormatException("daticert.xml: <data> lacks <giorno> or <ora>");
    }
    try {
      LocalDate day = LocalDate.parse(giorno, DAY);
      LocalTime time = LocalTime.parse(ora);
      String zona = attribute(data, "zona");
      return zona == null
          ? day.atTime(time).atZone(ITALY).toOffsetDateTime()
          : OffsetDateTime.of(day, time, ZoneOffset.of(zona));
    } catch (DateTimeException e) {
      throw new PecFormatException(
          "daticert.xml: unreadable date " + giorno + " " + ora + ": " + e.getMessage(), e);
    }
  }

  static String withoutAngleBrackets(String messageId) {
    if (messageId == null) {
      return null;
    }
    String id = messageId.strip();
    return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
  }

  private static String attribute(Element element, String name) {
    String value = element.getAttribute(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String text(Element parent, String name) {
    Element element = child(parent, name);
    if (element == null) {
      return null;
    }
    String text = element.getTextContent().strip();
    return text.isEmpty() ? null : text;
  }

  private static Element child(Element parent, String name) {
    List<Element> children = children(parent, name);
    return children.isEmpty() ? null : children.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element element && name.equals(element.getTagName())) {
        found.add(element);
      }
    }
    return found;
  }
}

package it.sportello.channel.mail.pec;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads PEC envelopes and receipts. A message is PEC when its provider marked it with {@code
 * X-Trasporto} (envelopes) or {@code X-Ricevuta} (receipts); its meaning comes from {@code
 * daticert.xml}, the original message from {@code postacert.eml}. Only the top level of the
 * envelope is searched: an original message that itself forwards a PEC is not mistaken for it.
 *
 * <p>The headers can be written by anyone: whether the message really comes from a PEC provider is
 * up to the signature ({@code smime.p7s}) and the list of accredited providers, which this parser
 * does not check.
 */
public final class PecEnvelopes {

  static final String TRANSPORT_HEADER = "X-Trasporto";
  static final String RECEIPT_HEADER = "X-Ricevuta";

  private static final Session SESSION = Session.getInstance(new Properties());

  private PecEnvelopes() {}

  /** Whether the provider marked the message as a PEC envelope or receipt. */
  public static boolean isPec(MimeMessage message) {
    return header(message, TRANSPORT_HEADER) != null || header(message, RECEIPT_HEADER) != null;
  }

  /**
   * The envelope, or empty for an ordinary message.
   *
   * @throws PecFormatException when the message is marked as PEC but lacks what PEC messages have
   */
  public static Optional<PecEnvelope> parse(MimeMessage message) {
    if (!isPec(message)) {
      return Optional.empty();
    }
    try {
      Parts parts = new Parts();
      collect(message, parts);
      String transport = header(message, TRANSPORT_HEADER);
      if (parts.datiCert == null) {
        if ("errore".equalsIgnoreCase(transport)) {
          return Optional.of(anomaly(message, parts));
        }
        throw new PecFormatException(
            "The message is marked as PEC but has no daticert.xml: "
                + TRANSPORT_HEADER
                + "="
                + transport
                + ", "
                + RECEIPT_HEADER
                + "="
                + header(message, RECEIPT_HEADER));
      }
      DatiCert dati;
      try (InputStream xml = parts.datiCert.getInputStream()) {
        dati = DatiCert.parse(xml);
      }
      PecKind kind =
          PecKind.fromCode(dati.tipo())
              .orElseThrow(
                  () -> new PecFormatException("daticert.xml: unknown tipo '" + dati.tipo() + "'"));
      PecError error =
          dati.errore() == null || "nessuno".equalsIgnoreCase(dati.errore())
              ? (dati.erroreEsteso() == null ? null : new PecError("altro", dati.erroreEsteso()))
              : new PecError(dati.errore(), dati.erroreEsteso());
      return Optional.of(
          new PecEnvelope(
              kind,
              dati.mittente(),
              dati.destinatari(),
              dati.oggetto(),
              dati.identificativo(),
              dati.msgid(),
              dati.data(),
              dati.gestoreEmittente(),
              error,
              dati.consegna(),
              dati.ricevuta(),
              parts.signature != null,
              original(parts)));
    } catch (MessagingException | IOException e) {
      throw new PecFormatException("The PEC message cannot be read: " + e.getMessage(), e);
    }
  }

  /** A busta di anomalia: no certification data, what we know is in the headers. */
  private static PecEnvelope anomaly(MimeMessage message, Parts parts)
      throws MessagingException, IOException {
    String subject = message.getSubject();
    String prefix = "ANOMALIA MESSAGGIO:";
    if (subject != null && subject.toUpperCase(Locale.ROOT).startsWith(prefix)) {
      subject = subject.substring(prefix.length()).strip();
    }
    String[] replyTo = message.getHeader("Reply-To");
    return new PecEnvelope(
        PecKind.ANOMALY,
        replyTo == null ? null : replyTo[0].strip(),
        java.util.List.of(),
        subject,
        null,
        DatiCert.withoutAngleBrackets(header(message, "X-Riferimento-Message-ID")),
        null,
        null,
        null,
        null,
        null,
        parts.signature != null,
        original(parts));
  }

  private static Optional<MimeMessage> original(Parts parts)
      throws MessagingException, IOException {
    if (parts.original == null) {
      return Optional.empty();
    }
    try (InputStream in = parts.original.getInputStream()) {
      return Optional.of(new MimeMessage(SESSION, in));
    }
  }

  private static final class Parts {
    Part datiCert;
    Part original;
    Part signature;
  }

  /** The parts of the envelope's own multiparts; attached messages are not opened. */
  private static void collect(Part part, Parts parts) throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        if (child.isMimeType("multipart/*")) {
          collect(child, parts);
        } else {
          classify(child, parts);
        }
      }
    }
  }

  private static void classify(Part part, Parts parts) throws MessagingException {
    String name = fileName(part);
    if ("daticert.xml".equals(name)) {
      if (parts.datiCert == null) {
        parts.datiCert = part;
      }
    } else if ("postacert.eml".equals(name)
        || (name == null && part.isMimeType("message/rfc822") && parts.original == null)) {
      parts.original = part;
    } else if ("smime.p7s".equals(name)
        || part.isMimeType("application/pkcs7-signature")
        || part.isMimeType("application/x-pkcs7-signature")) {
      parts.signature = part;
    }
  }

  private static String fileName(Part part) throws MessagingException {
    String name = part.getFileName();
    return name == null ? null : name.strip().toLowerCase(Locale.ROOT);
  }

  private static String header(MimeMessage message, String name) {
    try {
      String value = message.getHeader(name, ",");
      return value == null || value.isBlank() ? null : value.strip();
    } catch (MessagingException e) {
      return null;
    }
  }
}

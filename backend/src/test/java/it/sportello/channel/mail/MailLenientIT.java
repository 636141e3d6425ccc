package it.sportello.channel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.IntegrationTest;
import it.sportello.document.Documents;
import it.sportello.document.OwnerKind;
import it.sportello.document.StoredDocument;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Messages as other mail clients really write them (crafted here, after the mail libraries' torture
 * tests), sent over SMTP to the embedded server and polled over IMAP: each opens a ticket with the
 * right sender and text, and says on the ticket what was repaired.
 */
class MailLenientIT extends IntegrationTest {

  @Autowired Mailboxes mailboxes;
  @Autowired MailboxPoller poller;
  @Autowired EmbeddedMailServer server;
  @Autowired Documents documents;
  @Autowired JdbcTemplate jdbc;

  Mailbox ordinary() {
    return mailboxes.find("demo").orElseThrow();
  }

  @Test
  void anAddressInsideTheQuotesOfTheNameIsTheSender() throws Exception {
    String id = id();
    String address = "bb." + UUID.randomUUID().toString().substring(0, 8) + "@bug.example";
    send(id, "From: \"Big Bug " + address + "\"\nSubject: Buca in via Roma\n\nC'è una buca.\n");

    Map<String, Object> ticket = ticketOf(id);
    assertThat(ticket).containsEntry("email", address).containsEntry("name", "Big Bug");
    assertThat((String) ticket.get("description")).isEqualTo("C'è una buca.");
  }

  @Test
  void withoutAnAddressInFromTheReplyToIsUsedAndTheTicketSaysSo() throws Exception {
    String id = id();
    String address = "tributi." + UUID.randomUUID().toString().substring(0, 8) + "@example.it";
    send(
        id,
        "From: Ufficio Tributi\nReply-To: <"
            + address
            + ">\nSubject: Rimborso\n\nChiedo il rimborso.\n");

    Map<String, Object> ticket = ticketOf(id);
    assertThat(ticket).containsEntry("email", address);
    assertThat((String) ticket.get("description"))
        .startsWith("Chiedo il rimborso.")
        .contains("[Mittente ricavato dall'intestazione Reply-To")
        .contains("Ufficio Tributi");
    assertThat((String) ticket.get("context")).contains("\"senderHeader\": \"Reply-To\"");
  }

  @Test
  void rawUtf8HeadersAndAnUnknownTransferEncodingAreReadWithAnItalianNote() throws Exception {
    String id = id();
    String address = "josé." + UUID.randomUUID().toString().substring(0, 8) + "@exämple.it";
    send(
        id,
        "From: José Müller <"
            + address
            + ">\nSubject: Più caffè 🎉 al Comune\nMIME-Version: 1.0\n"
            + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 7-bit\n\n"
            + "Perché così?\n");

    Map<String, Object> ticket = ticketOf(id);
    assertThat(ticket)
        .containsEntry("subject", "Più caffè 🎉 al Comune")
        .containsEntry("email", address)
        .containsEntry("name", "José Müller");
    assertThat((String) ticket.get("description"))
        .startsWith("Perché così?")
        .contains("[Una parte del messaggio dichiarava una codifica sconosciuta («7-bit»)");
  }

  @Test
  void eachEncodedWordOfTheSubjectIsDecodedOnItsOwn() throws Exception {
    String id = id();
    send(
        id,
        "From: a."
            + UUID.randomUUID().toString().substring(0, 8)
            + "@example.it\n"
            + "Subject: =?utf-8?Q?Richiesta_d=27accesso?= =?x-sconosciuto?Q?agli_atti?=\n"
            + " =?iso-8859-1?Q?=28pratica_n=B0_12=29?=\n\nTesto.\n");

    assertThat(ticketOf(id))
        .containsEntry("subject", "Richiesta d'accessoagli atti(pratica n° 12)");
  }

  @Test
  void anRfc2231FileNameWithCharsetAndLanguageIsDecoded() throws Exception {
    String id = id();
    send(
        id,
        """
        From: c.%s@example.it
        Subject: Allegato
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="x"

        --x
        Content-Type: text/plain; charset=iso-8859-1

        Allego la ricevuta \u0093firmata\u0094.
        --x
        Content-Type: text/plain
        Content-Disposition: attachment; filename*0*=utf-8'it'ricevuta%%20pi%%C3%%B9;
         filename*1*=%%20firmata.txt

        ricevuta
        --x--
        """
            .formatted(UUID.randomUUID().toString().substring(0, 8)),
        StandardCharsets.ISO_8859_1);

    Map<String, Object> ticket = ticketOf(id);
    assertThat((String) ticket.get("description")).isEqualTo("Allego la ricevuta “firmata”.");
    assertThat(documents.linkedTo(OwnerKind.TICKET, ((Number) ticket.get("id")).longValue()))
        .extracting(StoredDocument::fileName)
        .containsExactly("ricevuta più firmata.txt");
  }

  @Test
  void aTicketNumberFromAStrangerOpensALinkedTicketWhileTheRequestersReplyJoins() throws Exception {
    String requester = "r." + UUID.randomUUID().toString().substring(0, 8) + "@example.it";
    String first = id();
    send(first, "From: " + requester + "\nSubject: Certificato\n\nServe un certificato.\n");
    String number = (String) inbound(first).get("ticket_number");

    String stranger = id();
    send(
        stranger,
        "From: s."
            + UUID.randomUUID().toString().substring(0, 8)
            + "@example.it\n"
            + "Subject: Re: ["
            + number
            + "] Certificato\n\nEcco i miei dati.\n");
    Map<String, Object> strangers = inbound(stranger);
    assertThat(strangers.get("ticket_number")).isNotEqualTo(number);
    Map<String, Object> linked = ticket((String) strangers.get("ticket_number"));
    assertThat((String) linked.get("context")).contains("\"relatedTicket\": \"" + number + "\"");
    assertThat((String) linked.get("description"))
        .startsWith("Ecco i miei dati.")
        .contains("[L'oggetto cita la richiesta " + number);

    String reply = id();
    send(reply, "From: " + requester + "\nSubject: Re: [" + number + "] Certificato\n\nGrazie.\n");
    assertThat(inbound(reply))
        .containsEntry("ticket_number", number)
        .containsEntry("reason", "reply");
  }

  // --- helpers

  private static String id() {
    return UUID.randomUUID() + "@lenient.example";
  }

  private void send(String messageId, String headersAndBody) throws Exception {
    send(messageId, headersAndBody, StandardCharsets.UTF_8);
  }

  /** Sends the text as it is (only a Message-ID and a To added) over SMTP, then polls. */
  private void send(String messageId, String headersAndBody, java.nio.charset.Charset charset)
      throws Exception {
    String text =
        ("Message-ID: <" + messageId + ">\nTo: " + ordinary().address() + "\n" + headersAndBody)
            .replace("\n", "\r\n");
    Properties props = new Properties();
    props.put("mail.smtp.host", server.host());
    props.put("mail.smtp.port", String.valueOf(server.smtpPort()));
    props.put("mail.smtp.from", "envelope@lenient.example");
    Session session = Session.getInstance(props);
    MimeMessage message =
        new MimeMessage(session, new ByteArrayInputStream(text.getBytes(charset)));
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect();
      transport.sendMessage(
          message, new InternetAddress[] {new InternetAddress(ordinary().address())});
    }
    poller.poll(ordinary());
  }

  private Map<String, Object> inbound(String messageId) {
    Map<String, Object> row =
        jdbc.queryForMap(
            "select * from sportello.inbound_message where message_key = ?", messageId);
    assertThat(row.get("status")).as("%s", row.get("reason")).isEqualTo("PROCESSED");
    return row;
  }

  private Map<String, Object> ticketOf(String messageId) {
    return ticket((String) inbound(messageId).get("ticket_number"));
  }

  private Map<String, Object> ticket(String number) {
    return jdbc.queryForMap(
        """
        select t.id, t.subject, t.description, t.context::text as context, c.email, c.name
        from sportello.ticket t join sportello.contact c on c.id = t.requester_id
        where t.number = ?""",
        number);
  }
}

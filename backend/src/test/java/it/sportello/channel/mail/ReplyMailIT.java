package it.sportello.channel.mail;

import static it.sportello.channel.mail.MailTestSupport.inbox;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An operator's public reply reaches the citizen as {@code multipart/alternative} (text without the
 * Markdown-lite markers, safe HTML) with the reply's files attached, once, also when the sending is
 * retried.
 */
class ReplyMailIT extends IntegrationTest {

  @Autowired EmbeddedMailServer server;
  @Autowired OutboundMailSender sender;
  @Autowired NotificationMailer notificationMailer;
  @Autowired JdbcTemplate jdbc;

  private static final String REPLY =
      """
      Gentile utente, la sua pratica è **approvata**.

      Porti con sé:
      - il documento d'identità
      - la ricevuta allegata

      Il modulo è su [il sito del Comune](https://comune.example/moduli).
      <script>alert('operatore')</script>""";

  @Test
  void aReplyArrivesWithTextAndHtmlPartsAndItsFilesOnce() throws Exception {
    String address = "citt." + UUID.randomUUID().toString().substring(0, 8) + "@example.it";
    String number = open(address);
    byte[] pdf = pdf();
    byte[] png = png();
    long pdfId = upload(number, "ricevuta.pdf", pdf);
    long pngId = upload(number, "planimetria.png", png);

    ResponseEntity<JsonNode> replied =
        post(
            "/api/tickets/" + number + "/replies",
            "operator1",
            Map.of("text", REPLY, "documentIds", List.of(pdfId, pngId)));
    assertThat(replied.getStatusCode()).as("%s", replied.getBody()).isEqualTo(HttpStatus.ACCEPTED);

    notificationMailer.queuePending();
    notificationMailer.queuePending(); // queued once however often it runs
    long outboxId =
        jdbc.queryForObject(
            "select id from sportello.outbound_mail where ticket_number = ?"
                + " and template = 'OPERATOR_REPLY'",
            Long.class,
            number);
    sender.sendDue();

    List<MimeMessage> received = replies(address);
    assertThat(received).hasSize(1);
    Parts parts = parts(received.get(0));
    assertThat(received.get(0).getContentType()).startsWith("multipart/mixed");
    assertThat(parts.alternative).as("text and HTML side by side").isTrue();

    assertThat(parts.text)
        .doesNotContain("**")
        .contains("la sua pratica è approvata.")
        .contains("- il documento d'identità\n- la ricevuta allegata")
        .contains("il sito del Comune (https://comune.example/moduli)")
        .contains(number);

    org.jsoup.nodes.Document html = Jsoup.parse(parts.html);
    assertThat(html.select("strong").text()).isEqualTo("approvata");
    assertThat(html.select("li").eachText())
        .containsExactly("il documento d'identità", "la ricevuta allegata");
    assertThat(html.select("a").attr("href")).isEqualTo("https://comune.example/moduli");
    assertThat(html.select("script")).as("no operator's HTML in the HTML part").isEmpty();
    assertThat(parts.html).doesNotContain("<script");
    assertThat(html.text()).contains(number);

    assertThat(parts.files.keySet()).containsExactly("ricevuta.pdf", "planimetria.png");
    assertThat(parts.files.get("ricevuta.pdf")).isEqualTo(pdf);
    assertThat(parts.files.get("planimetria.png")).isEqualTo(png);

    // a crash after the server accepted it and before our commit: the message is sent again,
    // with the same files, not twice as many
    jdbc.update(
        "update sportello.outbound_mail set status = 'PENDING', next_attempt_at = now()"
            + " where id = ?",
        outboxId);
    sender.sendDue();
    received = replies(address);
    assertThat(received).hasSize(2);
    assertThat(received.get(1).getMessageID()).isEqualTo(received.get(0).getMessageID());
    assertThat(parts(received.get(1)).files.keySet())
        .containsExactly("ricevuta.pdf", "planimetria.png");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.outbound_mail_attachment where outbound_mail_id = ?",
                Integer.class,
                outboxId))
        .isEqualTo(2);
  }

  private List<MimeMessage> replies(String address) throws Exception {
    List<MimeMessage> replies = new ArrayList<>();
    for (MimeMessage message : inbox(server, address)) {
      if (message.getSubject().contains("Risposta alla sua richiesta")) {
        replies.add(message);
      }
    }
    return replies;
  }

  private static final class Parts {
    String text;
    String html;
    boolean alternative;
    final Map<String, byte[]> files = new LinkedHashMap<>();
  }

  private static Parts parts(Part message) throws Exception {
    Parts parts = new Parts();
    collect(message, parts);
    return parts;
  }

  private static void collect(Part part, Parts parts) throws Exception {
    if (part.isMimeType("multipart/*")) {
      if (part.isMimeType("multipart/alternative")) {
        parts.alternative = true;
      }
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, parts);
      }
    } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      try (InputStream in = part.getInputStream()) {
        parts.files.put(part.getFileName(), in.readAllBytes());
      }
    } else if (part.isMimeType("text/plain")) {
      // lines end in CRLF on the wire
      parts.text = ((String) part.getContent()).replace("\r\n", "\n");
    } else if (part.isMimeType("text/html")) {
      parts.html = (String) part.getContent();
    }
  }

  private String open(String address) {
    Map<String, Object> request = ticketRequest(fiscalCode(), "Passo carrabile " + address);
    request.put(
        "requester", Map.of("fiscalCode", fiscalCode(), "name", "Carla Neri", "email", address));
    request.put("channel", "EMAIL");
    ResponseEntity<JsonNode> created = post("/api/tickets", "api-client", request);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().path("number").asText();
  }

  private long upload(String number, String fileName, byte[] bytes) {
    return uploadToTicket(number, "operator1", fileName, bytes).path("id").asLong();
  }

  private static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 3, 0x336699);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** A one-page PDF with a line of text, written by hand (a valid file, ~600 bytes). */
  private static byte[] pdf() {
    String content = "BT /F1 12 Tf 20 100 Td (Ricevuta di prova) Tj ET";
    List<String> objects =
        List.of(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R"
                + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(pdf.length());
      pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    for (int offset : offsets) {
      pdf.append(String.format("%010d 00000 n \n", offset));
    }
    pdf.append("trailer\n<< /Size ")
        .append(objects.size() + 1)
        .append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.US_ASCII);
  }
}

package it.sportello.channel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DeliveryReportsTest {

  private static final String DSN =
      """
      From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
      To: sportello@comune.example
      Subject: Undelivered Mail Returned to Sender
      Message-ID: <dsn.1@mx.example.org>
      MIME-Version: 1.0
      Content-Type: multipart/report; report-type=delivery-status; boundary="rep"

      --rep
      Content-Type: text/plain; charset=US-ASCII

      This is the mail system. Your message could not be delivered.

      --rep
      Content-Type: message/delivery-status

      Reporting-MTA: dns; mx.example.org

      Final-Recipient: rfc822; Nessuno@Example.org
      Action: failed
      Status: 5.1.1
      Diagnostic-Code: smtp; 550 5.1.1 User unknown

      --rep
      Content-Type: text/rfc822-headers

      Message-ID: <campaign.42@comune.example>
      Subject: Questionario

      --rep--
      """;

  @Test
  void aFailedDeliveryNamesTheReturnedMessageAndTheRecipient() throws Exception {
    var report = DeliveryReports.read(message(DSN)).orElseThrow();
    assertThat(report.failed()).isTrue();
    assertThat(report.originalMessageId()).isEqualTo("campaign.42@comune.example");
    assertThat(report.recipient()).isEqualTo("nessuno@example.org");
    assertThat(report.status()).isEqualTo("5.1.1");
    assertThat(report.diagnostic()).contains("User unknown");
  }

  @Test
  void aDelayIsNoBounceAndOrdinaryMailIsNoReport() throws Exception {
    assertThat(
            DeliveryReports.read(message(DSN.replace("Action: failed", "Action: delayed")))
                .orElseThrow()
                .failed())
        .isFalse();
    assertThat(
            DeliveryReports.read(
                message("From: a@example.org\nSubject: x\nContent-Type: text/plain\n\nciao\n")))
        .isEmpty();
  }

  private static MimeMessage message(String text) throws Exception {
    return new MimeMessage(
        Session.getInstance(new Properties()),
        new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII)));
  }
}

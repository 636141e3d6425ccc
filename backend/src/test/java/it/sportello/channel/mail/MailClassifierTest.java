package it.sportello.channel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reply and auto-reply detection and body reading, on the small corpus in {@code mail/corpus}. */
class MailClassifierTest {

  static MimeMessage corpus(String name) throws IOException, MessagingException {
    try (InputStream in = MailClassifierTest.class.getResourceAsStream("/mail/corpus/" + name)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "auto-reply.eml, automatic message (Auto-Submitted: auto-replied)",
    "x-autoreply.eml, automatic reply (X-Autoreply)",
    "precedence-bulk.eml, automatic message (Precedence: bulk)",
    "bounce.eml, delivery or read report (multipart/report)"
  })
  void machinesMessagesAreRecognised(String file, String reason) throws Exception {
    assertThat(MailClassifier.automatic(corpus(file))).contains(reason);
  }

  @ParameterizedTest
  @CsvSource({
    "auto-submitted-no.eml",
    "alternative-encoded-subject.eml",
    "latin1-reply.eml",
    "html-only.eml"
  })
  void peoplesMessagesAreNot(String file) throws Exception {
    assertThat(MailClassifier.automatic(corpus(file))).isEmpty();
  }

  @Test
  void aBounceIsRecognisedByItsSenderToo() throws Exception {
    MimeMessage bounce = corpus("bounce.eml");
    bounce.setHeader("Content-Type", "text/plain");
    assertThat(MailClassifier.automatic(bounce))
        .contains("bounce (from mailer-daemon@mx.example.it)");
  }

  @Test
  void aReplyIsFoundByItsThreadingHeadersAndTheTicketNumberInItsEncodedSubject() throws Exception {
    MimeMessage reply = corpus("latin1-reply.eml");

    assertThat(reply.getSubject()).isEqualTo("Re: [RS-2026-000042] Pagamento già effettuato");
    assertThat(MailClassifier.ticketNumber(reply.getSubject())).contains("RS-2026-000042");
    assertThat(MailClassifier.referencedIds(reply))
        .containsExactly("RS-2026-000042.ack.1@sportello.comune.example", "first.1@example.it");
    assertThat(MailClassifier.messageId(reply)).isEqualTo("latin1.1@example.it");
    assertThat(MailContent.of(reply).text())
        .isEqualTo("Il pagamento è già stato effettuato, perché risulto debitrice?");
  }

  @Test
  void aNewMessageAnswersNothing() throws Exception {
    MimeMessage message = corpus("alternative-encoded-subject.eml");

    assertThat(message.getSubject()).isEqualTo("Richiesta certificato di residenza — urgente");
    assertThat(MailClassifier.ticketNumber(message.getSubject())).isEmpty();
    assertThat(MailClassifier.ticketNumber("Pratica RS-26-42")).isEmpty();
    assertThat(MailClassifier.referencedIds(message)).isEmpty();
    assertThat(MailClassifier.from(message).orElseThrow().getPersonal())
        .isEqualTo("Nicolò Esposito");
  }

  @Test
  void plainTextIsPreferredInAlternativesAndHtmlAloneBecomesText() throws Exception {
    assertThat(MailContent.of(corpus("alternative-encoded-subject.eml")).text())
        .isEqualTo(
            "Buongiorno, vorrei il certificato di residenza. Perché non è disponibile online?");
    MailContent html = MailContent.of(corpus("html-only.eml"));
    assertThat(html.text()).isEqualTo("Segnalo una buca\nin via Roma 12.\nGrazie");
    assertThat(html.attachments()).isEmpty();
  }

  @Test
  void aMultipartWithoutBoundaryIsReadAsTextWithANote() throws Exception {
    MailContent content = MailContent.of(corpus("garbage.eml"));
    assertThat(content.text()).isEqualTo("this multipart has no boundary at all");
    assertThat(content.notes()).extracting(MailNote::key).containsExactly("BROKEN_STRUCTURE");
  }
}

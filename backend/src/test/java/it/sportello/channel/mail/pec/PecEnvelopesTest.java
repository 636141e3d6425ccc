package it.sportello.channel.mail.pec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PecEnvelopesTest {

  private static MimeMessage fixture(String name) throws Exception {
    try (InputStream in = PecEnvelopesTest.class.getResourceAsStream("/mail/pec/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }

  @Test
  void readsTheTransportEnvelopeAndTheOriginalMessage() throws Exception {
    MimeMessage message = fixture("posta-certificata.eml");

    assertThat(PecEnvelopes.isPec(message)).isTrue();
    PecEnvelope envelope = PecEnvelopes.parse(message).orElseThrow();

    assertThat(envelope.kind()).isEqualTo(PecKind.CERTIFIED_MESSAGE);
    assertThat(envelope.isReceipt()).isFalse();
    assertThat(envelope.certifiedSender()).isEqualTo("mario.rossi@pec.esempio.it");
    assertThat(envelope.recipients())
        .containsExactly(
            new PecRecipient("protocollo@pec.comune-esempio.it", true),
            new PecRecipient("urp@comune-esempio.it", false));
    assertThat(envelope.subject()).isEqualTo("Istanza di rimborso TARI 2025");
    assertThat(envelope.pecId())
        .isEqualTo("opec21010.20260316101532.12345.123.1.1@pec.gestore-esempio.it");
    assertThat(envelope.originalMessageId()).isEqualTo("A1B2C3D4.5678@pec.esempio.it");
    assertThat(envelope.issuedAt())
        .isEqualTo(OffsetDateTime.of(2026, 3, 16, 10, 15, 32, 0, ZoneOffset.ofHours(1)));
    assertThat(envelope.provider()).isEqualTo("Gestore Esempio S.p.A.");
    assertThat(envelope.error()).isNull();
    assertThat(envelope.signed()).isTrue();

    MimeMessage original = envelope.original().orElseThrow();
    assertThat(original.getSubject()).isEqualTo("Istanza di rimborso TARI 2025");
    assertThat(original.getMessageID()).isEqualTo("<A1B2C3D4.5678@pec.esempio.it>");
    Multipart parts = (Multipart) original.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat((String) parts.getBodyPart(0).getContent()).contains("chiedo il rimborso");
    assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("ricevuta.txt");
  }

  @Test
  void readsAnAcceptanceReceipt() throws Exception {
    PecEnvelope receipt = PecEnvelopes.parse(fixture("accettazione.eml")).orElseThrow();

    assertThat(receipt.kind()).isEqualTo(PecKind.ACCEPTANCE);
    assertThat(receipt.isReceipt()).isTrue();
    assertThat(receipt.certifiedSender()).isEqualTo("protocollo@pec.comune-esempio.it");
    assertThat(receipt.recipients())
        .containsExactly(new PecRecipient("mario.rossi@pec.esempio.it", true));
    assertThat(receipt.originalMessageId())
        .isEqualTo("RS-2026-000042.answer.1@sportello.comune-esempio.it");
    assertThat(receipt.pecId()).isEqualTo("opec9001.20260317090002.777.1.1@pec.gestore-comune.it");
    assertThat(receipt.provider()).isEqualTo("Gestore del Comune S.p.A.");
    assertThat(receipt.original()).isEmpty();
    assertThat(receipt.signed()).isTrue();
  }

  @Test
  void readsACompleteDeliveryReceiptWithTheMessageDelivered() throws Exception {
    PecEnvelope receipt = PecEnvelopes.parse(fixture("avvenuta-consegna.eml")).orElseThrow();

    assertThat(receipt.kind()).isEqualTo(PecKind.DELIVERY);
    assertThat(receipt.receiptType()).isEqualTo("completa");
    assertThat(receipt.deliveredTo()).isEqualTo("mario.rossi@pec.esempio.it");
    // the same identifier as the acceptance: receipts are matched to the message by it
    assertThat(receipt.pecId()).isEqualTo("opec9001.20260317090002.777.1.1@pec.gestore-comune.it");
    assertThat(receipt.issuedAt())
        .isEqualTo(OffsetDateTime.of(2026, 3, 17, 9, 0, 5, 0, ZoneOffset.ofHours(1)));
    assertThat(receipt.error()).isNull();
    assertThat(receipt.original().orElseThrow().getSubject())
        .isEqualTo("Risposta alla richiesta RS-2026-000042");
  }

  @Test
  void readsADeliveryErrorWithItsReason() throws Exception {
    PecEnvelope notice = PecEnvelopes.parse(fixture("errore-consegna.eml")).orElseThrow();

    assertThat(notice.kind()).isEqualTo(PecKind.DELIVERY_ERROR);
    assertThat(notice.error())
        .isEqualTo(
            new PecError("no-dest", "5.1.1 - Gestore Esempio S.p.A. - indirizzo non valido"));
    assertThat(notice.deliveredTo()).isEqualTo("casella.inesistente@pec.esempio.it");
    assertThat(notice.subject()).isEqualTo("Richiesta di integrazione RS-2026-000043");
    assertThat(notice.originalMessageId())
        .isEqualTo("RS-2026-000043.missing-data.1@sportello.comune-esempio.it");
  }

  @Test
  void anOrdinaryMessageIsNotPec() throws Exception {
    MimeMessage message = fixture("ordinaria.eml");

    assertThat(PecEnvelopes.isPec(message)).isFalse();
    assertThat(PecEnvelopes.parse(message)).isEmpty();
  }

  @Test
  void aMessageMarkedAsPecWithoutCertificationDataIsRefused() throws Exception {
    MimeMessage message = fixture("senza-daticert.eml");

    assertThat(PecEnvelopes.isPec(message)).isTrue();
    assertThatThrownBy(() -> PecEnvelopes.parse(message))
        .isInstanceOf(PecFormatException.class)
        .hasMessageContaining("has no daticert.xml");
  }

  @Test
  void anAnomalyEnvelopeCarriesTheMessageWithoutCertificationData() throws Exception {
    String eml =
        """
        Date: Wed, 18 Mar 2026 12:00:00 +0100
        From: "Per conto di: cittadino@example.it" <posta-certificata@pec.gestore-comune.it>
        Reply-To: cittadino@example.it
        To: protocollo@pec.comune-esempio.it
        Subject: ANOMALIA MESSAGGIO: Segnalazione lampione guasto
        X-Trasporto: errore
        X-Riferimento-Message-ID: <lampione.1@example.it>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b"

        --b
        Content-Type: text/plain; charset=UTF-8

        Anomalia nel messaggio: non proviene da un sistema di posta certificata.
        --b
        Content-Type: message/rfc822; name="postacert.eml"
        Content-Disposition: inline; filename="postacert.eml"

        From: cittadino@example.it
        To: protocollo@pec.comune-esempio.it
        Subject: Segnalazione lampione guasto
        Message-ID: <lampione.1@example.it>

        Il lampione di via Roma 12 e' spento da una settimana.
        --b--
        """;
    MimeMessage message =
        new MimeMessage(
            Session.getInstance(new Properties()),
            new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));

    PecEnvelope anomaly = PecEnvelopes.parse(message).orElseThrow();

    assertThat(anomaly.kind()).isEqualTo(PecKind.ANOMALY);
    assertThat(anomaly.subject()).isEqualTo("Segnalazione lampione guasto");
    assertThat(anomaly.certifiedSender()).isEqualTo("cittadino@example.it");
    assertThat(anomaly.originalMessageId()).isEqualTo("lampione.1@example.it");
    assertThat(anomaly.signed()).isFalse();
    assertThat((String) anomaly.original().orElseThrow().getContent()).contains("via Roma 12");
  }

  @Test
  void externalEntitiesInDatiCertAreNotResolved() {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE postacert [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <postacert tipo="accettazione" errore="nessuno">
          <intestazione><mittente>a@pec.it</mittente><oggetto>&secret;</oggetto></intestazione>
          <dati><identificativo>id@pec.it</identificativo></dati>
        </postacert>
        """;

    DatiCert dati = DatiCert.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

    assertThat(dati.oggetto()).isNull();
    assertThat(dati.mittente()).isEqualTo("a@pec.it");
  }
}

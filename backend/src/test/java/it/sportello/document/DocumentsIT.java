package it.sportello.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.IntegrationTest;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.TooLargeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class DocumentsIT extends IntegrationTest {

  @Autowired Documents documents;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theSameBytesAreStoredOnceAndLinkedToSeveralOwnersEachWithItsOwnName() throws IOException {
    String marker = "Protocollo " + UUID.randomUUID();
    byte[] pdf = TestFiles.pdf("Istanza di rimborso TARI", marker);

    StoredDocument first = documents.store("C:\\fakepath\\istanza.pdf", pdf);
    StoredDocument second =
        documents.store("istanza-rinominata.pdf", new ByteArrayInputStream(pdf));
    StoredDocument third = documents.store("istanza.pdf", pdf);

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(third.id()).isEqualTo(first.id());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.document where sha256 = ?",
                Long.class,
                first.sha256()))
        .isEqualTo(1);
    assertThat(first.sha256()).hasSize(64);
    assertThat(first.size()).isEqualTo(pdf.length);
    assertThat(first.mediaType()).isEqualTo("application/pdf");
    assertThat(first.extractionStatus()).isEqualTo(ExtractionStatus.OK);
    assertThat(first.fileName()).isEqualTo("istanza.pdf");
    assertThat(second.fileName()).isEqualTo("istanza-rinominata.pdf");
    assertThat(documents.get(first.id()).fileName())
        .as("a name belongs to a link, not to the bytes")
        .isNull();
    assertThat(documents.text(first.id())).contains(marker);

    long interactionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    long ticketId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    long otherTicketId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    documents.link(first, OwnerKind.INTERACTION, interactionId);
    documents.link(second, OwnerKind.TICKET, ticketId);
    documents.link(third, OwnerKind.TICKET, ticketId);
    documents.link(third, OwnerKind.TICKET, otherTicketId);

    assertThat(documents.linkedTo(OwnerKind.INTERACTION, interactionId))
        .extracting(StoredDocument::id)
        .containsExactly(first.id());
    assertThat(documents.linkedTo(OwnerKind.TICKET, ticketId))
        .as("linking twice keeps the first link and its name")
        .singleElement()
        .satisfies(document -> assertThat(document.fileName()).isEqualTo("istanza-rinominata.pdf"));
    assertThat(documents.linkedTo(OwnerKind.TICKET, otherTicketId))
        .singleElement()
        .satisfies(document -> assertThat(document.fileName()).isEqualTo("istanza.pdf"));
    assertThat(documents.linkedTo(OwnerKind.TICKET, interactionId)).isEmpty();
    try (InputStream content = documents.content(first.id())) {
      assertThat(content.readAllBytes()).isEqualTo(pdf);
    }
  }

  @Test
  void aSignedDocumentKeepsItsEnvelopeAndShowsItsContent() {
    byte[] pdf = TestFiles.pdf("Delibera " + UUID.randomUUID());
    byte[] p7m = TestFiles.p7m(pdf, "CN=Anna Verdi,O=Comune di Esempio,C=IT");

    StoredDocument signed = documents.store("delibera.pdf.p7m", p7m);

    assertThat(signed.contentMediaType()).isEqualTo("application/pdf");
    assertThat(signed.signer()).contains("CN=Anna Verdi");
    assertThat(documents.text(signed.id())).contains("Delibera");
  }

  @Test
  void unreadableFilesAreStoredWithTheReason() {
    byte[] broken =
        ("%PDF-1.7\n" + UUID.randomUUID() + "\u0000 not really a pdf")
            .getBytes(StandardCharsets.ISO_8859_1);

    StoredDocument document = documents.store("rotto.pdf", broken);

    assertThat(document.extractionStatus()).isEqualTo(ExtractionStatus.CORRUPT);
    assertThat(document.extractionMessage()).startsWith("The file is damaged");
    assertThat(documents.get(document.id())).isEqualTo(document.named(null));
  }

  @Test
  void aScanIsReadByOcrAndAPictureWithoutWordsIsStoredAsNoText() {
    int number = ThreadLocalRandom.current().nextInt(1000, 10000);
    byte[] scan = TestFiles.scannedPng("Pratica edilizia " + number);
    byte[] photo =
        TestFiles.png(
            ThreadLocalRandom.current().nextInt(20, 400),
            ThreadLocalRandom.current().nextInt(20, 400));

    StoredDocument read = documents.store("scansione.png", scan);
    StoredDocument blank = documents.store("foto.png", photo);

    assertThat(read.extractionStatus()).isEqualTo(ExtractionStatus.OK);
    assertThat(documents.text(read.id())).contains("Pratica edilizia", String.valueOf(number));
    assertThat(blank.extractionStatus()).isEqualTo(ExtractionStatus.NO_TEXT);
    assertThat(documents.get(blank.id()).extractionStatus()).isEqualTo(ExtractionStatus.NO_TEXT);
    assertThat(blank.extractionMessage()).contains("not even OCR (Tesseract, ita+eng)");
  }

  @Test
  void tooLargeContentIsRefusedAndNothingIsStored() {
    byte[] content = ("Allegato " + UUID.randomUUID()).repeat(100).getBytes(StandardCharsets.UTF_8);
    long before = jdbc.queryForObject("select count(*) from sportello.document", Long.class);

    assertThatThrownBy(() -> documents.store("grande.txt", new ByteArrayInputStream(content), 1000))
        .isInstanceOf(TooLargeException.class)
        .hasMessage("The document grande.txt is larger than 1000 bytes.");
    assertThat(jdbc.queryForObject("select count(*) from sportello.document", Long.class))
        .isEqualTo(before);
    assertThatThrownBy(() -> documents.link(Long.MAX_VALUE, OwnerKind.TICKET, 1, "x.txt"))
        .isInstanceOf(NotFoundException.class);
  }
}

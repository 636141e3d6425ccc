package it.sportello.document;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.document.DocumentsProperties.ExtractionLimits;
import it.sportello.document.DocumentsProperties.Ocr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class TextExtractorTest {

  /** The defaults of application.yml. */
  static final ExtractionLimits LIMITS =
      new ExtractionLimits(
          DataSize.ofMegabytes(20),
          1_000_000,
          5,
          200,
          100,
          DataSize.ofMegabytes(200),
          Duration.ofSeconds(30),
          2);

  static final TextExtractor extractor = new TextExtractor(LIMITS);

  @TempDir Path directory;

  @AfterAll
  static void close() {
    extractor.close();
  }

  private Extraction extract(String name, byte[] content) throws IOException {
    return extract(extractor, name, content);
  }

  private Extraction extract(TextExtractor with, String name, byte[] content) throws IOException {
    Path file = directory.resolve("content-" + System.nanoTime());
    Files.write(file, content);
    return with.extract(file, name);
  }

  @Test
  void readsPdf() throws IOException {
    Extraction pdf = extract("istanza.pdf", TestFiles.pdf("Istanza di rimborso TARI 2025"));

    assertThat(pdf.status()).isEqualTo(ExtractionStatus.OK);
    assertThat(pdf.message()).isNull();
    assertThat(pdf.mediaType()).isEqualTo("application/pdf");
    assertThat(pdf.contentMediaType()).isEqualTo("application/pdf");
    assertThat(pdf.text()).contains("Istanza di rimborso TARI 2025");
    assertThat(pdf.metadata()).containsEntry("xmpTPg:NPages", "1");
  }

  @Test
  void readsWordAndExcel() throws IOException {
    Extraction docx = extract("lettera.docx", TestFiles.docx("Richiesta di accesso agli atti"));
    Extraction xlsx = extract("versamenti.xlsx", TestFiles.xlsx("Importo versato", 1234.5));

    assertThat(docx.status()).isEqualTo(ExtractionStatus.OK);
    assertThat(docx.mediaType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(docx.text()).contains("Richiesta di accesso agli atti");
    assertThat(docx.metadata()).containsEntry("dc:creator", "Ufficio Tributi");
    assertThat(xlsx.status()).isEqualTo(ExtractionStatus.OK);
    assertThat(xlsx.mediaType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(xlsx.text()).contains("Versamenti", "Importo versato", "1234.5");
  }

  @Test
  void readsRtfHtmlAndOdt() throws IOException {
    Extraction rtf = extract("nota.rtf", TestFiles.rtf("Segnalazione buca stradale"));
    Extraction html =
        extract(
            "pagina.html",
            TestFiles.html("Certificato di residenza", "Rilascio in giornata allo sportello."));
    Extraction odt = extract("verbale.odt", TestFiles.odt("Verbale della commissione"));

    assertThat(rtf.mediaType()).isEqualTo("application/rtf");
    assertThat(rtf.text()).contains("Segnalazione buca stradale");
    assertThat(html.mediaType()).isEqualTo("text/html");
    assertThat(html.text())
        .contains("Certificato di residenza", "Rilascio in giornata")
        .doesNotContain("script text");
    assertThat(odt.status()).isEqualTo(ExtractionStatus.OK);
    assertThat(odt.mediaType()).isEqualTo("application/vnd.oasis.opendocument.text");
    assertThat(odt.text()).contains("Verbale della commissione");
  }

  @Test
  void readsAnEmailWithItsAttachments() throws IOException {
    Extraction eml =
        extract(
            "messaggio.eml",
            TestFiles.eml(
                "Richiesta certificato",
                "Buongiorno, allego la domanda.",
                "domanda.txt",
                "Chiedo il certificato di stato di famiglia."));

    assertThat(eml.status()).isEqualTo(ExtractionStatus.OK);
    assertThat(eml.mediaType()).isEqualTo("message/rfc822");
    assertThat(eml.text())
        .contains("Buongiorno, allego la domanda.", "certificato di stato di famiglia");
  }

  @Test
  void keepsThePictureSizeAndSaysAPictureWithoutWordsHasNoText() throws IOException {
    Extraction png = extract("foto.png", TestFiles.png(20, 10));

    assertThat(png.status()).isEqualTo(ExtractionStatus.NO_TEXT);
    assertThat(png.message()).startsWith("No text");
    assertThat(png.mediaType()).isEqualTo("image/png");
    assertThat(png.metadata()).containsEntry("tiff:ImageWidth", "20");
    assertThat(png.metadata()).containsEntry("tiff:ImageLength", "10");
  }

  @Test
  void opensSignedEnvelopesDerAndBase64() throws IOException {
    byte[] pdf = TestFiles.pdf("Determina dirigenziale n. 42");
    byte[] der =
        TestFiles.p7m(pdf, "CN=Mario Rossi,SERIALNUMBER=TINIT-RSSMRA80A01H501U,O=Comune,C=IT");

    Extraction signed = extract("determina.pdf.p7m", der);
    Extraction base64 = extract("determina.pdf.p7m", Base64.getMimeEncoder().encode(der));

    for (Extraction extraction : new Extraction[] {signed, base64}) {
      assertThat(extraction.status()).isEqualTo(ExtractionStatus.OK);
      assertThat(extraction.contentMediaType()).isEqualTo("application/pdf");
      assertThat(extraction.text()).contains("Determina dirigenziale n. 42");
      assertThat(extraction.signers()).singleElement().asString().contains("CN=Mario Rossi");
    }
    assertThat(signed.mediaType()).contains("pkcs7");
  }

  @Test
  void opensEnvelopesInEnvelopes() throws IOException {
    byte[] inner = TestFiles.p7m(TestFiles.docx("Contratto firmato due volte"), "CN=Primo");
    byte[] outer = TestFiles.p7m(inner, "CN=Secondo");

    Extraction extraction = extract("contratto.docx.p7m.p7m", outer);

    assertThat(extraction.status()).isEqualTo(ExtractionStatus.OK);
    assertThat(extraction.text()).contains("Contratto firmato due volte");
    assertThat(extraction.signers()).containsExactly("CN=Secondo", "CN=Primo");
  }

  @Test
  void aBrokenEnvelopeIsCorrupt() throws IOException {
    byte[] der = TestFiles.p7m(TestFiles.pdf("Testo"), "CN=Mario Rossi");
    byte[] truncated = java.util.Arrays.copyOf(der, der.length / 2);

    Extraction extraction = extract("atto.pdf.p7m", truncated);

    assertThat(extraction.status()).isEqualTo(ExtractionStatus.CORRUPT);
    assertThat(extraction.message()).startsWith("The signed envelope (CAdES) cannot be opened");
  }

  @Test
  void passwordProtectedFilesAreEncrypted() throws IOException {
    Extraction pdf = extract("riservato.pdf", TestFiles.encryptedPdf("Segreto", "pw"));
    Extraction docx = extract("riservato.docx", TestFiles.encryptedDocx("Segreto", "pw"));

    assertThat(pdf.status()).isEqualTo(ExtractionStatus.ENCRYPTED);
    assertThat(pdf.message()).isEqualTo("The file is protected by a password.");
    assertThat(docx.status()).isEqualTo(ExtractionStatus.ENCRYPTED);
  }

  @Test
  void aDamagedPdfIsCorrupt() throws IOException {
    byte[] garbage = new byte[4000];
    new Random(7).nextBytes(garbage);
    byte[] content = concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), garbage);

    Extraction pdf = extract("rotto.pdf", content);

    assertThat(pdf.mediaType()).isEqualTo("application/pdf");
    assertThat(pdf.status()).isEqualTo(ExtractionStatus.CORRUPT);
    assertThat(pdf.message()).startsWith("The file is damaged or not a valid application/pdf");
  }

  @Test
  void aZipBombIsStoppedByTheCharacterLimitOrTheCompressionRatio() throws IOException {
    byte[] bomb = TestFiles.zipBomb(50 * 1024 * 1024);
    assertThat(bomb.length).isLessThan(1024 * 1024);

    // with the default limits the character limit comes first: the bomb is never expanded whole
    Extraction cut = extract("bomba.zip", bomb);

    assertThat(cut.status()).isEqualTo(ExtractionStatus.TRUNCATED);
    assertThat(cut.text().length()).isLessThanOrEqualTo(LIMITS.maxCharacters());

    // with room for more text, Tika's compression-ratio check stops it
    TextExtractor generous =
        new TextExtractor(
            new ExtractionLimits(
                DataSize.ofMegabytes(20),
                20_000_000,
                5,
                200,
                100,
                DataSize.ofMegabytes(200),
                Duration.ofSeconds(30),
                1));
    try (generous) {
      Extraction stopped = extract(generous, "bomba.zip", bomb);

      assertThat(stopped.status()).isEqualTo(ExtractionStatus.LIMIT_EXCEEDED);
      assertThat(stopped.message()).contains("zip bomb");
      assertThat(stopped.text().length()).isLessThan(20_000_000);
    }
  }

  @Test
  void deeplyNestedArchivesAreReadOnlyToTheLimit() throws IOException {
    Extraction shallow = extract("poco.zip", TestFiles.nestedZip(3, "testo in fondo"));
    Extraction deep = extract("tanto.zip", TestFiles.nestedZip(12, "testo in fondo"));

    assertThat(shallow.status()).isEqualTo(ExtractionStatus.OK);
    assertThat(shallow.text()).contains("testo in fondo");
    assertThat(deep.status()).isEqualTo(ExtractionStatus.LIMIT_EXCEEDED);
    assertThat(deep.message()).contains("nested more than 5 levels");
    assertThat(deep.text()).doesNotContain("testo in fondo");
  }

  @Test
  void longTextsAreTruncated() throws IOException {
    TextExtractor small =
        new TextExtractor(
            new ExtractionLimits(
                DataSize.ofMegabytes(1),
                1000,
                5,
                200,
                100,
                DataSize.ofMegabytes(200),
                Duration.ofSeconds(30),
                1));
    try (small) {
      Extraction extraction =
          extract(small, "lungo.txt", "parola ".repeat(2000).getBytes(StandardCharsets.UTF_8));

      assertThat(extraction.status()).isEqualTo(ExtractionStatus.TRUNCATED);
      assertThat(extraction.message()).isEqualTo("The text was cut at 1000 characters.");
      assertThat(extraction.text()).hasSizeBetween(900, 1000);
    }
  }

  @Test
  void filesOverTheSizeLimitAreNotRead() throws IOException {
    TextExtractor tiny =
        new TextExtractor(
            new ExtractionLimits(
                DataSize.ofBytes(100),
                1000,
                5,
                200,
                100,
                DataSize.ofMegabytes(200),
                Duration.ofSeconds(30),
                1));
    try (tiny) {
      Extraction extraction = extract(tiny, "istanza.pdf", TestFiles.pdf("Istanza"));

      assertThat(extraction.status()).isEqualTo(ExtractionStatus.TOO_LARGE);
      assertThat(extraction.mediaType()).isEqualTo("application/pdf");
      assertThat(extraction.message()).contains("more than the 100 read for text");
    }
  }

  @Test
  void slowExtractionsTimeOut() throws IOException {
    TextExtractor impatient =
        new TextExtractor(
            new ExtractionLimits(
                DataSize.ofMegabytes(1),
                1000,
                5,
                200,
                100,
                DataSize.ofMegabytes(200),
                Duration.ZERO,
                1));
    try (impatient) {
      Extraction extraction = extract(impatient, "lettera.docx", TestFiles.docx("Lettera"));

      assertThat(extraction.status()).isEqualTo(ExtractionStatus.TIMEOUT);
      assertThat(extraction.message()).contains("took longer than 0 s");
    }
  }

  @Test
  void unknownBinariesAreUnsupportedAndEmptyFilesAreFine() throws IOException {
    byte[] random = new byte[2048];
    new Random(3).nextBytes(random);

    Extraction unknown = extract("dati.bin", random);
    Extraction empty = extract("vuoto.txt", new byte[0]);

    assertThat(unknown.status()).isEqualTo(ExtractionStatus.UNSUPPORTED);
    assertThat(unknown.message()).contains("application/octet-stream");
    assertThat(empty.status()).isEqualTo(ExtractionStatus.OK);
    assertThat(empty.text()).isEmpty();
  }

  /** Not skipped where Tesseract is missing: a failure that says what to install. */
  private static void assertTesseractInstalled() {
    assertThat(Tesseract.unavailable(TextExtractor.DEFAULT_OCR))
        .as(
            "OCR tests need Tesseract: apt-get install tesseract-ocr tesseract-ocr-ita"
                + " tesseract-ocr-eng (.ci/run does)")
        .isNull();
  }

  @Test
  void saysWhyOcrIsUnavailable() {
    assertThat(Tesseract.unavailable(TextExtractor.DEFAULT_OCR, "tesseract-not-installed-here"))
        .startsWith("the OCR program Tesseract is not installed");
    assertThat(Tesseract.unavailable(Ocr.OFF)).contains("switched off");
    assertTesseractInstalled();
    assertThat(Tesseract.unavailable(new Ocr(true, "ita+xyz", Duration.ofSeconds(5)), "tesseract"))
        .isEqualTo("Tesseract lacks the language data xyz (on Debian: tesseract-ocr-xyz).");
  }

  @Test
  void readsAScannedPictureByOcr() throws IOException {
    assertTesseractInstalled();
    Extraction png =
        extract(
            "scansione.png", TestFiles.scannedPng("Richiesta di rimborso", "Comune di Sportello"));

    assertThat(png.status()).as(png.message()).isEqualTo(ExtractionStatus.OK);
    assertThat(png.mediaType()).isEqualTo("image/png");
    assertThat(png.text()).contains("rimborso", "Comune");
  }

  @Test
  void readsAnImageOnlyPdfByOcr() throws IOException {
    assertTesseractInstalled();
    Extraction pdf =
        extract("scansione.pdf", TestFiles.scannedPdf("Segnalazione guasto illuminazione"));

    assertThat(pdf.status()).as(pdf.message()).isEqualTo(ExtractionStatus.OK);
    assertThat(pdf.mediaType()).isEqualTo("application/pdf");
    assertThat(pdf.text()).contains("guasto", "illuminazione");
  }

  @Test
  void withoutOcrAScanHasNoTextAndSaysWhy() throws IOException {
    TextExtractor blind = new TextExtractor(LIMITS, Ocr.OFF);
    try (blind) {
      Extraction png =
          extract(blind, "scansione.png", TestFiles.scannedPng("Richiesta di rimborso"));
      Extraction pdf =
          extract(blind, "scansione.pdf", TestFiles.scannedPdf("Richiesta di rimborso"));

      for (Extraction extraction : new Extraction[] {png, pdf}) {
        assertThat(extraction.status()).isEqualTo(ExtractionStatus.NO_TEXT);
        assertThat(extraction.message())
            .contains("could not be read by OCR", "OCR is switched off");
        assertThat(extraction.text()).doesNotContain("rimborso");
      }
    }
  }

  @Test
  void theNoTextRuleCountsLettersAndDigits() {
    assertThat(TextExtractor.hasText("")).isFalse();
    assertThat(TextExtractor.hasText(" \n\t |-. ,, Ww \n")).isFalse();
    assertThat(TextExtractor.hasText("n. 42")).isTrue();
    assertThat(TextExtractor.hasText("Sì!")).isFalse();
  }

  @Test
  void anEncryptedEntryOfAZipIsReportedAndTheRestRead() throws IOException {
    Extraction zip =
        extract(
            "documenti.zip",
            TestFiles.zipWithEncryptedEntry(
                "riservato.pdf", "leggimi.txt", "Elenco dei documenti"));

    assertThat(zip.status()).isEqualTo(ExtractionStatus.ENCRYPTED);
    assertThat(zip.message()).isEqualTo("Encrypted, not read: riservato.pdf; the rest was read.");
    assertThat(zip.text()).contains("Elenco dei documenti");
  }

  @Test
  void aPasswordProtectedPdfInsideAZipIsReported() throws IOException {
    byte[] zip = TestFiles.nestedZip(1, "x");
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
      out.putNextEntry(new java.util.zip.ZipEntry("protetto.pdf"));
      out.write(TestFiles.encryptedPdf("Segreto", "pw"));
      out.closeEntry();
      out.putNextEntry(new java.util.zip.ZipEntry("nota.txt"));
      out.write("Nota di accompagnamento".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }

    Extraction extraction = extract("pratica.zip", bytes.toByteArray());

    assertThat(zip).isNotEmpty();
    assertThat(extraction.status()).isEqualTo(ExtractionStatus.ENCRYPTED);
    assertThat(extraction.message()).contains("protetto.pdf");
    assertThat(extraction.text()).contains("Nota di accompagnamento");
  }

  @Test
  void aMessageSavedWithAnMboxSeparatorIsReadAsAMessageWithItsHeaders() throws IOException {
    byte[] message =
        TestFiles.eml(
            "Inoltro: richiesta certificato",
            "Vi inoltro la richiesta del cittadino.",
            "domanda.txt",
            "Chiedo il certificato di residenza.");
    byte[] saved =
        concat("From - Mon Mar 16 10:15:00 2026\r\n".getBytes(StandardCharsets.US_ASCII), message);

    Extraction named = extract("inoltro.eml", saved);
    Extraction unnamed = extract(null, saved);

    for (Extraction eml : new Extraction[] {named, unnamed}) {
      assertThat(eml.status()).isEqualTo(ExtractionStatus.OK);
      assertThat(eml.mediaType()).isEqualTo("message/rfc822");
      assertThat(eml.text())
          .contains(
              "From: Mario Rossi <mario.rossi@example.it>",
              "Subject: Inoltro: richiesta certificato",
              "Date: 2026-03-16",
              "Vi inoltro la richiesta del cittadino.",
              "certificato di residenza");
    }
  }

  @Test
  void aMessageForwardedInsideAMessageKeepsItsHeaders() throws IOException {
    byte[] forwarded =
        TestFiles.eml("Segnalazione originale", "Testo della segnalazione.", "a.txt", "allegato");
    String boundary = "inoltro-1";
    byte[] outer =
        concat(
            ("From: Ufficio Relazioni <urp@comune.example.it>\r\n"
                    + "To: protocollo@comune.example.it\r\n"
                    + "Subject: I: Segnalazione\r\n"
                    + "Date: Tue, 17 Mar 2026 09:00:00 +0100\r\n"
                    + "MIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=\""
                    + boundary
                    + "\"\r\n\r\n--"
                    + boundary
                    + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nVedi sotto.\r\n--"
                    + boundary
                    + "\r\nContent-Type: message/rfc822\r\n"
                    + "Content-Disposition: attachment; filename=\"originale.eml\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8),
            concat(forwarded, ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8)));

    Extraction eml = extract("inoltro.eml", outer);

    assertThat(eml.status()).isEqualTo(ExtractionStatus.OK);
    assertThat(eml.text())
        .contains(
            "Subject: I: Segnalazione",
            "Vedi sotto.",
            "Testo della segnalazione.",
            "Subject: Segnalazione originale");
  }

  @Test
  void anEncryptedEnvelopeIsEncryptedAndNamesItsRecipient() throws IOException {
    byte[] enveloped =
        TestFiles.envelopedP7m(TestFiles.pdf("Riservato"), "CN=Ufficio Protocollo,O=Comune,C=IT");

    Extraction der = extract("riservato.pdf.p7m", enveloped);
    Extraction base64 = extract("riservato.pdf.p7m", Base64.getMimeEncoder().encode(enveloped));

    for (Extraction extraction : new Extraction[] {der, base64}) {
      assertThat(extraction.status()).isEqualTo(ExtractionStatus.ENCRYPTED);
      assertThat(extraction.message())
          .startsWith("The envelope is encrypted (CMS EnvelopedData)")
          .contains("CN=Ufficio Protocollo", "serial 42");
      assertThat(extraction.text()).isEmpty();
    }
  }

  @Test
  void aDetachedSignatureIsRecognisedWithItsSigner() throws IOException {
    byte[] signature = TestFiles.p7s(TestFiles.pdf("Delibera"), "CN=Anna Bianchi,O=Comune,C=IT");

    Extraction p7s = extract("delibera.pdf.p7s", signature);

    assertThat(p7s.status()).isEqualTo(ExtractionStatus.NO_TEXT);
    assertThat(p7s.message())
        .startsWith("A detached signature (CAdES)")
        .contains("signed by CN=Anna Bianchi");
    assertThat(p7s.signers()).singleElement().asString().contains("CN=Anna Bianchi");
  }

  @Test
  void theDocumentsAttachedToASignedInvoiceAreDecodedAndRead() throws IOException {
    byte[] attachment = TestFiles.pdf("Stato avanzamento lavori via Roma");
    byte[] invoice = TestFiles.fatturaPa("Rifacimento asfalto", "SAL-1.pdf", attachment);
    String base64 = Base64.getMimeEncoder().encodeToString(attachment);

    Extraction signed =
        extract("IT01234567890_00001.xml.p7m", TestFiles.p7m(invoice, "CN=Ditta Lavori Stradali"));
    Extraction plain = extract("IT01234567890_00001.xml", invoice);

    for (Extraction extraction : new Extraction[] {signed, plain}) {
      assertThat(extraction.status()).isEqualTo(ExtractionStatus.OK);
      assertThat(extraction.text())
          .contains(
              "Denominazione: Ditta Lavori Stradali Srl",
              "Descrizione: Rifacimento asfalto",
              "[allegato SAL-1.pdf",
              "Stato avanzamento lavori via Roma")
          .doesNotContain(base64.substring(0, 40));
    }
    assertThat(signed.contentMediaType()).isEqualTo("application/xml");
    assertThat(signed.signers()).singleElement().asString().contains("Ditta Lavori Stradali");
  }

  @Test
  void aSignedDocumentAttachedToAnInvoiceIsOpenedAndRead() throws IOException {
    byte[] signedAttachment =
        TestFiles.p7m(TestFiles.pdf("Verbale di collaudo"), "CN=Direttore Lavori");
    byte[] invoice = TestFiles.fatturaPa("Collaudo", "collaudo.pdf.p7m", signedAttachment);

    Extraction extraction = extract("IT01234567890_00002.xml", invoice);

    assertThat(extraction.status()).isEqualTo(ExtractionStatus.OK);
    assertThat(extraction.text())
        .contains(
            "[allegato collaudo.pdf.p7m, firmato da CN=Direttore Lavori]", "Verbale di collaudo");
  }

  @Test
  void anInvoiceWithADoctypeIsNotExpandedButReadAsXml() throws IOException {
    byte[] hostile =
        ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<p:FatturaElettronica xmlns:p=\"http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2\">"
                + "<Descrizione>&e;</Descrizione></p:FatturaElettronica>")
            .getBytes(StandardCharsets.UTF_8);

    Extraction extraction = extract("fattura.xml", hostile);

    assertThat(extraction.text()).doesNotContain("root:");
  }

  @Test
  void aZipOfZerosIsStoppedByTheExpansionRatio() throws IOException {
    byte[] zeros = TestFiles.zipOfZeros(200L * 1024 * 1024);
    assertThat(zeros.length).isLessThan(1024 * 1024);

    Extraction bomb = extract("zeri.zip", zeros);

    assertThat(bomb.status()).isEqualTo(ExtractionStatus.LIMIT_EXCEEDED);
    assertThat(bomb.message()).contains("expands to more than", "zip bomb");
  }

  @Test
  void archivesExpandingBeyondTheTotalAreStopped() throws IOException {
    TextExtractor small =
        new TextExtractor(
            new ExtractionLimits(
                DataSize.ofMegabytes(20),
                1_000_000,
                5,
                200,
                100,
                DataSize.ofMegabytes(1),
                Duration.ofSeconds(30),
                1));
    try (small) {
      Extraction within = extract(small, "dati.zip", TestFiles.zipOfRandom(3, 200_000));
      Extraction beyond = extract(small, "dati.zip", TestFiles.zipOfRandom(8, 200_000));

      assertThat(within.status()).isIn(ExtractionStatus.OK, ExtractionStatus.NO_TEXT);
      assertThat(beyond.status()).isEqualTo(ExtractionStatus.LIMIT_EXCEEDED);
      assertThat(beyond.message()).contains("expands to more than 1 MB");
    }
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] all = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}

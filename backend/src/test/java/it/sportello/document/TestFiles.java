package it.sportello.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Small real files of each kind, made on the spot with the libraries Tika brings. */
public final class TestFiles {

  private TestFiles() {}

  public static byte[] pdf(String... lines) {
    try (PDDocument document = new PDDocument()) {
      addPage(document, lines);
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] encryptedPdf(String text, String password) {
    try (PDDocument document = new PDDocument()) {
      addPage(document, text);
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner-" + password, password, new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void addPage(PDDocument document, String... lines) throws IOException {
    PDPage page = new PDPage();
    document.addPage(page);
    try (PDPageContentStream content = new PDPageContentStream(document, page)) {
      content.beginText();
      content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
      content.newLineAtOffset(50, 700);
      for (String line : lines) {
        content.showText(line);
        content.newLineAtOffset(0, -15);
      }
      content.endText();
    }
  }

  private static byte[] save(PDDocument document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }

  static byte[] docx(String text) {
    try (XWPFDocument document = new XWPFDocument()) {
      document.createParagraph().createRun().setText(text);
      document.getProperties().getCoreProperties().setCreator("Ufficio Tributi");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A DOCX encrypted with a password (agile encryption, as Office does). */
  static byte[] encryptedDocx(String text, String password) {
    try (POIFSFileSystem fileSystem = new POIFSFileSystem()) {
      Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      encryptor.confirmPassword(password);
      try (OutputStream out = encryptor.getDataStream(fileSystem)) {
        out.write(docx(text));
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      fileSystem.writeFilesystem(bytes);
      return bytes.toByteArray();
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] xlsx(String label, double amount) {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      var row = workbook.createSheet("Versamenti").createRow(0);
      row.createCell(0).setCellValue(label);
      row.createCell(1).setCellValue(amount);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] rtf(String text) {
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Helvetica;}}\\f0\\fs24 " + text + "\\par}")
        .getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] html(String title, String text) {
    return ("<!DOCTYPE html><html lang=\"it\"><head><meta charset=\"utf-8\"><title>"
            + title
            + "</title></head><body><h1>"
            + title
            + "</h1><p>"
            + text
            + "</p><script>var ignored = 'script text';</script></body></html>")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** An OpenDocument text: the mimetype entry first and stored, then content and manifest. */
  static byte[] odt(String text) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
        byte[] mimetype =
            "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
        ZipEntry entry = new ZipEntry("mimetype");
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(mimetype.length);
        CRC32 crc = new CRC32();
        crc.update(mimetype);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(mimetype);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("content.xml"));
        zip.write(
            ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<office:document-content"
                    + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                    + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                    + " office:version=\"1.2\"><office:body><office:text><text:p>"
                    + text
                    + "</text:p></office:text></office:body></office:document-content>")
                .getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
        zip.write(
            ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<manifest:manifest"
                    + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                    + " manifest:version=\"1.2\">"
                    + "<manifest:file-entry manifest:full-path=\"/\""
                    + " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                    + "<manifest:file-entry manifest:full-path=\"content.xml\""
                    + " manifest:media-type=\"text/xml\"/></manifest:manifest>")
                .getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] eml(String subject, String body, String attachmentName, String attachmentText) {
    String boundary = "----=_Part_0_1234";
    return ("From: Mario Rossi <mario.rossi@example.it>\r\n"
            + "To: protocollo@comune.example.it\r\n"
            + "Subject: "
            + subject
            + "\r\n"
            + "Date: Mon, 16 Mar 2026 10:15:00 +0100\r\n"
            + "Message-ID: <20260316101500.1@example.it>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\""
            + boundary
            + "\"\r\n\r\n"
            + "--"
            + boundary
            + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + body
            + "\r\n--"
            + boundary
            + "\r\nContent-Type: text/plain; charset=UTF-8\r\n"
            + "Content-Disposition: attachment; filename=\""
            + attachmentName
            + "\"\r\n\r\n"
            + attachmentText
            + "\r\n--"
            + boundary
            + "--\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] png(int width, int height) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A zip with one text entry of {@code size} identical characters: tiny compressed. */
  static byte[] zipBomb(int size) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
        zip.putNextEntry(new ZipEntry("bomba.txt"));
        byte[] chunk = "a ".repeat(32 * 1024).getBytes(StandardCharsets.US_ASCII);
        for (int written = 0; written < size; written += chunk.length) {
          zip.write(chunk);
        }
        zip.closeEntry();
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Zips in zips, {@code depth} deep, a text at the bottom. */
  static byte[] nestedZip(int depth, String text) {
    byte[] content = text.getBytes(StandardCharsets.UTF_8);
    String name = "fondo.txt";
    try {
      for (int level = depth; level > 0; level--) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
          zip.putNextEntry(new ZipEntry(name));
          zip.write(content);
          zip.closeEntry();
        }
        content = bytes.toByteArray();
        name = "livello-" + level + ".zip";
      }
      return content;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A CAdES-BES style envelope (attached content, SHA-256 with RSA), self-signed signer. */
  static byte[] p7m(byte[] content, String signerSubject) {
    return signed(content, signerSubject, true);
  }

  /** A detached CAdES signature ({@code .p7s}) of the content: the content is not inside. */
  static byte[] p7s(byte[] content, String signerSubject) {
    return signed(content, signerSubject, false);
  }

  private static byte[] signed(byte[] content, String signerSubject, boolean encapsulate) {
    try {
      Identity identity = identity(signerSubject);
      ContentSigner signer =
          new JcaContentSignerBuilder("SHA256withRSA").build(identity.keys().getPrivate());
      CMSSignedDataGenerator cms = new CMSSignedDataGenerator();
      cms.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
              .build(signer, identity.certificate()));
      cms.addCertificates(new JcaCertStore(List.of(identity.certificate())));
      return cms.generate(new CMSProcessableByteArray(content), encapsulate).getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** An encrypted CMS envelope (EnvelopedData, AES-128, RSA key transport) for one recipient. */
  static byte[] envelopedP7m(byte[] content, String recipientSubject) {
    try {
      Identity recipient = identity(recipientSubject);
      CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
      generator.addRecipientInfoGenerator(
          new JceKeyTransRecipientInfoGenerator(recipient.certificate()));
      return generator
          .generate(
              new CMSProcessableByteArray(content),
              new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES128_CBC).build())
          .getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private record Identity(KeyPair keys, X509Certificate certificate) {}

  private static Identity identity(String subjectName) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    X500Name subject = new X500Name(subjectName);
    Date from = new Date(System.currentTimeMillis() - 86_400_000L);
    Date to = new Date(System.currentTimeMillis() + 365 * 86_400_000L);
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject, BigInteger.valueOf(42), from, to, subject, keys.getPublic());
    ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
    return new Identity(
        keys, new JcaX509CertificateConverter().getCertificate(builder.build(signer)));
  }

  /**
   * A scan: a picture of the lines, as a PNG of about 1000 pixels by 100 a line. The text is drawn
   * by PDFBox with the fonts it bundles, then rendered to pixels: no system fonts needed.
   */
  static byte[] scannedPng(String... lines) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(scan(lines), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PDF of one page that is only a picture of the lines, as a scanner makes. */
  static byte[] scannedPdf(String... lines) {
    try (PDDocument document = new PDDocument()) {
      BufferedImage picture = scan(lines);
      // 200 dpi: the page is as large as the picture printed at that resolution
      float width = picture.getWidth() * 72f / 200;
      float height = picture.getHeight() * 72f / 200;
      PDPage page = new PDPage(new PDRectangle(width, height));
      document.addPage(page);
      PDImageXObject image = LosslessFactory.createFromImage(document, picture);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.drawImage(image, 0, 0, width, height);
      }
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BufferedImage scan(String... lines) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(new PDRectangle(380, 30 + 30 * lines.length));
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 20);
        content.newLineAtOffset(15, page.getMediaBox().getHeight() - 35);
        for (String line : lines) {
          content.showText(line);
          content.newLineAtOffset(0, -30);
        }
        content.endText();
      }
      return new PDFRenderer(document).renderImageWithDPI(0, 200, ImageType.GRAY);
    }
  }

  /**
   * A zip whose entry {@code encrypted} has the "encrypted" flag set (traditional PKWARE
   * encryption, as a zip tool with a password writes), beside a readable text entry.
   */
  static byte[] zipWithEncryptedEntry(String encrypted, String plainName, String plainText) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
        byte[] scrambled = new byte[300];
        new java.util.Random(11).nextBytes(scrambled);
        ZipEntry secret = new ZipEntry(encrypted);
        secret.setMethod(ZipEntry.STORED);
        secret.setSize(scrambled.length);
        CRC32 crc = new CRC32();
        crc.update(scrambled);
        secret.setCrc(crc.getValue());
        zip.putNextEntry(secret);
        zip.write(scrambled);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(plainName));
        zip.write(plainText.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      byte[] zip = bytes.toByteArray();
      setEncryptedFlag(zip, encrypted.getBytes(StandardCharsets.UTF_8));
      return zip;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets bit 0 of the general purpose flags in the local and central headers of the entry. */
  private static void setEncryptedFlag(byte[] zip, byte[] name) {
    ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    for (int at = 0; at + 46 < zip.length; at++) {
      int signature = buffer.getInt(at);
      if (signature == 0x04034b50 && nameAt(zip, buffer, at + 30, buffer.getShort(at + 26), name)) {
        zip[at + 6] |= 1;
      } else if (signature == 0x02014b50
          && nameAt(zip, buffer, at + 46, buffer.getShort(at + 28), name)) {
        zip[at + 8] |= 1;
      }
    }
  }

  private static boolean nameAt(byte[] zip, ByteBuffer buffer, int at, short length, byte[] name) {
    return length == name.length
        && at + length <= zip.length
        && Arrays.equals(Arrays.copyOfRange(zip, at, at + length), name);
  }

  /** A zip with one entry of {@code size} zero bytes: a thousand times smaller compressed. */
  static byte[] zipOfZeros(long size) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
        zip.putNextEntry(new ZipEntry("zeri.bin"));
        byte[] chunk = new byte[1024 * 1024];
        for (long written = 0; written < size; written += chunk.length) {
          zip.write(chunk);
        }
        zip.closeEntry();
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A zip of entries of random bytes, stored: as large expanded as compressed. */
  static byte[] zipOfRandom(int entries, int entrySize) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      java.util.Random random = new java.util.Random(5);
      try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
        for (int i = 0; i < entries; i++) {
          byte[] content = new byte[entrySize];
          random.nextBytes(content);
          ZipEntry entry = new ZipEntry("dati-" + i + ".bin");
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(content.length);
          CRC32 crc = new CRC32();
          crc.update(content);
          entry.setCrc(crc.getValue());
          zip.putNextEntry(entry);
          zip.write(content);
          zip.closeEntry();
        }
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An electronic invoice (FatturaPA 1.2, simplified to what matters here) with one attached
   * document, Base64 in {@code Allegati/Attachment}.
   */
  static byte[] fatturaPa(String description, String attachmentName, byte[] attachment) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<p:FatturaElettronica versione=\"FPA12\""
            + " xmlns:p=\"http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2\">\n"
            + "<FatturaElettronicaHeader><CedentePrestatore><DatiAnagrafici><Anagrafica>"
            + "<Denominazione>Ditta Lavori Stradali Srl</Denominazione>"
            + "</Anagrafica></DatiAnagrafici></CedentePrestatore></FatturaElettronicaHeader>\n"
            + "<FatturaElettronicaBody><DatiBeniServizi><DettaglioLinee>"
            + "<Descrizione>"
            + description
            + "</Descrizione><PrezzoTotale>1200.00</PrezzoTotale>"
            + "</DettaglioLinee></DatiBeniServizi>\n"
            + "<Allegati><NomeAttachment>"
            + attachmentName
            + "</NomeAttachment><FormatoAttachment>PDF</FormatoAttachment>"
            + "<DescrizioneAttachment>Stato avanzamento lavori</DescrizioneAttachment>"
            + "<Attachment>"
            + Base64.getMimeEncoder().encodeToString(attachment)
            + "</Attachment></Allegati>\n"
            + "</FatturaElettronicaBody></p:FatturaElettronica>\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}

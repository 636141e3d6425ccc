package it.sportello.channel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real mail as other clients write it: crafted messages read leniently, text decoded right. */
class LenientMailTest {

  static MimeMessage parse(String text) throws Exception {
    return parse(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  static MimeMessage parse(byte[] bytes) throws Exception {
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
  }

  @Test
  void rawUtf8HeadersAreReadAsUtf8() throws Exception {
    MimeMessage message = parse("From: a@example.it\nSubject: Più caffè 🎉 per GA.com ô\n\nciao\n");
    assertThat(MailText.header(message.getHeader("Subject", null)))
        .isEqualTo("Più caffè 🎉 per GA.com ô");
  }

  @Test
  void rawLatin1HeadersStayLatin1() throws Exception {
    byte[] bytes =
        "From: a@example.it\r\nSubject: citt\u00e0\r\n\r\nx\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(MailText.header(parse(bytes).getHeader("Subject", null))).isEqualTo("città");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "=?utf-8?Q?Caff=C3=A8?= =?x-unknown?Q?bar?= e =?iso-8859-1?Q?citt=E0?=|Caffèbar e città",
        "=?UTF-8?B?w6g=?= =?UTF-8?B?IHVu?=|è un",
        "=?utf-8?B?4p?= =?utf-8?B?gqw=?=|€",
        "Richiesta =?utf-8*it?Q?d=27accesso?=|Richiesta d'accesso",
        "=?bogus-charset?B?w6g=?= ok|è ok",
        "prefisso=?utf-8?Q?=C3=A8?=|prefissoè"
      })
  void encodedWordsAreDecodedOneByOne(String raw, String expected) {
    assertThat(MailText.header(raw)).isEqualTo(expected);
  }

  @Test
  void latin1AndAsciiPartsAreReadAsWindows1252() {
    byte[] curly = {(byte) 0x93, 'c', 'i', 'a', 'o', (byte) 0x94, ' ', (byte) 0x80};
    assertThat(MailText.decode(curly, "iso-8859-1").text()).isEqualTo("“ciao” €");
    assertThat(MailText.decode(curly, "us-ascii").text()).isEqualTo("“ciao” €");
    assertThat(MailText.decode("città".getBytes(StandardCharsets.UTF_8), "us-ascii").text())
        .isEqualTo("città");
    // labelled UTF-8 without one UTF-8 sequence in it: windows-1252 mislabelled
    assertThat(MailText.decode(curly, "utf-8").text()).isEqualTo("“ciao” €");
    assertThat(MailText.decode("più".getBytes(StandardCharsets.UTF_8), "utf-8").text())
        .isEqualTo("più");
  }

  @Test
  void anUnknownCharsetIsDetected() {
    byte[] text =
        "Добрый день, прошу выдать справку о регистрации по месту жительства."
            .getBytes(java.nio.charset.Charset.forName("windows-1251"));
    MailText.Decoded decoded = MailText.decode(text, "x-cyrillic-mine");
    assertThat(decoded.text()).startsWith("Добрый день");
    assertThat(decoded.unknownCharset()).isEqualTo("x-cyrillic-mine");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "attachment; filename*=utf-8'it'ricevuta%20pi%C3%B9.pdf|filename|ricevuta più.pdf",
        "attachment; filename*0*=utf-8''lunghissimo%20;filename*1*=nome%C3%A8.pdf|filename|lunghissimo nomeè.pdf",
        "attachment; filename==?utf-8?B?cmljZXZ1dGEucGRm?=|filename|ricevuta.pdf",
        "; filename=\"senza disposizione.pdf\"|filename|senza disposizione.pdf",
        "application/pdf; name=\"a;b.pdf\"; charset=x|name|a;b.pdf"
      })
  void parametersAreReadByHand(String header, String name, String expected) {
    assertThat(MailText.header(LaxParameters.get(header, name))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"Big Bug bb@bug.com\"|bb@bug.com|Big Bug",
        "uno@example.it due@example.it|uno@example.it|",
        "Pete(A \\) nice chap) <pete(his account)@silly.test(his host)>|pete@silly.test|Pete",
        "José Müller <josé@exämple.it>|josé@exämple.it|José Müller",
        "=?utf-8?Q?Jos=C3=A9?= <JOSE@Example.IT>|jose@example.it|José",
        "mario.rossi@example.it (Mario Rossi)|mario.rossi@example.it|Mario Rossi"
      })
  void laxFromHeadersGiveTheirAddress(String from, String address, String name) throws Exception {
    MimeMessage message = parse("From: " + from + "\nSubject: x\n\nciao\n");
    MailClassifier.Sender sender = MailClassifier.sender(message).orElseThrow();
    assertThat(sender.address()).isEqualTo(address);
    assertThat(sender.header()).isEqualTo("From");
    if (name != null) {
      assertThat(sender.name()).isEqualTo(name);
    }
  }

  @Test
  void withoutAUsableFromTheSenderComesFromSenderReplyToReturnPath() throws Exception {
    assertThat(
            MailClassifier.sender(
                    parse(
                        "From: Ufficio Tributi\nReply-To: tributi@example.it\n"
                            + "Return-Path: <bounce@example.it>\n\nciao\n"))
                .orElseThrow())
        .extracting(MailClassifier.Sender::address, MailClassifier.Sender::header)
        .containsExactly("tributi@example.it", "Reply-To");
    assertThat(
            MailClassifier.sender(parse("Return-Path: <bounce@example.it>\n\nciao\n"))
                .orElseThrow()
                .header())
        .isEqualTo("Return-Path");
    assertThat(MailClassifier.sender(parse("From: nessuno\nReturn-Path: <>\n\nciao\n"))).isEmpty();
  }

  @Test
  void anUnknownTransferEncodingIsReadAs8bit() throws Exception {
    MailContent content =
        MailContent.of(
            parse(
                "From: a@example.it\nContent-Type: text/plain; charset=utf-8\n"
                    + "Content-Transfer-Encoding: 8bits\n\nBuongiorno, è urgente.\n"));
    assertThat(content.text()).isEqualTo("Buongiorno, è urgente.");
    assertThat(content.notes()).extracting(MailNote::key).containsExactly("UNKNOWN_ENCODING");
  }

  @Test
  void aMultipartWithoutStartBoundaryIsReadAsText() throws Exception {
    MailContent content =
        MailContent.of(
            parse(
                "From: a@example.it\nMIME-Version: 1.0\nContent-Type: multipart/mixed\n\n"
                    + "testo senza confini\n"));
    assertThat(content.text()).isEqualTo("testo senza confini");
    assertThat(content.notes()).extracting(MailNote::key).containsExactly("BROKEN_STRUCTURE");
  }

  @Test
  void badBase64IsRecoveredAsFarAsItGoesAndMalformedNamesRead() throws Exception {
    MailContent content =
        MailContent.of(
            parse(
                """
                From: a@example.it
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=iso-8859-1
                Content-Transfer-Encoding: quoted-printable

                Gentili signori, allego il modulo.=20
                --b1
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename==?utf-8?B?bW9kdWxvLnR4dA==?=
                Content-Transfer-Encoding: base64

                Y2lhbyBtb25kbw==!!**%%
                --b1
                Content-Type: application/pdf; name*=utf-8'it'ricevuta%20pi%C3%B9.pdf
                Content-Disposition:
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --b1--
                """));
    assertThat(content.text()).isEqualTo("Gentili signori, allego il modulo.");
    assertThat(content.attachments())
        .extracting(MailContent.Attachment::fileName)
        .containsExactly("modulo.txt", "ricevuta più.pdf");
    assertThat(new String(content.attachments().get(0).content(), StandardCharsets.US_ASCII))
        .startsWith("ciao mondo");
    assertThat(new String(content.attachments().get(1).content(), StandardCharsets.US_ASCII))
        .startsWith("%PDF-1.4");
  }

  @Test
  void notesAreWrittenInTheTicketsLanguage() {
    MailNote note = MailNote.of("TOO_LARGE", "file", "scansione.pdf", "limit", "25 MB");
    MailTemplates templates =
        new MailTemplates(
            new it.sportello.shared.TextTemplates(
                new it.sportello.shared.TemplateProperties(null, "it")));
    assertThat(templates.note(note, "it")).startsWith("[Allegato «scansione.pdf» troppo grande");
    assertThat(templates.note(note, "en")).startsWith("[Attachment \"scansione.pdf\" too large");
    assertThat(templates.note(note, "de")).startsWith("[Anhang „scansione.pdf“ zu groß");
    assertThat(templates.note(note, "fr")).doesNotStartWith("[Allegato");
    // a language without notes: Italian
    assertThat(templates.note(note, "es")).startsWith("[Allegato");
  }
}

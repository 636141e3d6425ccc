package it.sportello.channel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageFingerprintTest {

  private static final String MESSAGE =
      """
      From: Anna Verdi <anna.verdi@example.it>
      To: sportello@comune.example
      Subject: Richiesta di accesso agli atti,
       pratica 42
      Date: Mon, 16 Mar 2026 10:15:00 +0100
      MIME-Version: 1.0
      Content-Type: text/plain; charset=UTF-8

      Buongiorno, chiedo copia della pratica 42.
      Grazie
      """;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String crlf(String text) {
    return text.replace("\n", "\r\n");
  }

  @Test
  void theSameMessageDeliveredAgainHasTheSameFingerprintButOtherBytes() {
    String first =
        """
        Return-Path: <anna.verdi@example.it>
        Received: from mx1.example.it by imap.comune.example; Mon, 16 Mar 2026 10:15:03 +0100
        Delivered-To: sportello@comune.example
        """
            + MESSAGE;
    String again =
        """
        Received: from mx2.example.it by imap.comune.example; Tue, 17 Mar 2026 08:00:00 +0100
        Received: from relay.example.net by mx2.example.it; Tue, 17 Mar 2026 07:59:58 +0100
        X-Original-To: protocollo@comune.example
        DKIM-Signature: v=1; a=rsa-sha256; d=example.it; s=sel;
        \tb=AbCdEf==
        ARC-Seal: i=1; a=rsa-sha256; cv=none
        Authentication-Results: mx2.example.it; dkim=pass
        X-Received: by 2002:a17 with SMTP id x; Tue, 17 Mar 2026
        X-Spam-Score: 0.1
        """
            + MESSAGE;

    MessageFingerprint a = MessageFingerprint.of(bytes(crlf(first)));
    MessageFingerprint b = MessageFingerprint.of(bytes(again));

    assertThat(b.contentHash()).isEqualTo(a.contentHash()).hasSize(64);
    assertThat(b.headerHash()).isEqualTo(a.headerHash());
    assertThat(b.rawHash()).isNotEqualTo(a.rawHash());
    assertThat(InboundMail.keyOf(bytes(again)))
        .as("no Message-ID: the content identifies it")
        .isEqualTo(InboundMail.keyOf(bytes(crlf(first))))
        .isEqualTo("sha256:" + a.contentHash());
  }

  @Test
  void aDifferentBodyOrHeaderIsAnotherMessage() {
    MessageFingerprint original = MessageFingerprint.of(bytes(MESSAGE));
    MessageFingerprint otherBody =
        MessageFingerprint.of(bytes(MESSAGE.replace("pratica 42.", "pratica 43.")));
    MessageFingerprint otherSubject =
        MessageFingerprint.of(bytes(MESSAGE.replace("pratica 42\n", "pratica 43\n")));

    assertThat(otherBody.contentHash()).isNotEqualTo(original.contentHash());
    assertThat(otherBody.headerHash()).isEqualTo(original.headerHash());
    assertThat(otherSubject.contentHash()).isNotEqualTo(original.contentHash());
    assertThat(otherSubject.headerHash()).isNotEqualTo(original.headerHash());
  }

  @Test
  void foldingAndTrailingLinesDoNotCount() {
    String refolded =
        MESSAGE.replace(
            "Richiesta di accesso agli atti,\n pratica 42",
            "Richiesta di accesso agli" + "\n\tatti, pratica 42");
    assertThat(MessageFingerprint.of(bytes(refolded + "\n\n")).contentHash())
        .isEqualTo(MessageFingerprint.of(bytes(MESSAGE)).contentHash());
  }

  @Test
  void theHeaderHashOfTheHeaderSectionAloneIsTheMessages() {
    String headers = MESSAGE.substring(0, MESSAGE.indexOf("\n\n") + 2);
    assertThat(
            MessageFingerprint.of(bytes("Received: from x by y; Mon, 16 Mar 2026\n" + headers))
                .headerHash())
        .isEqualTo(MessageFingerprint.of(bytes(MESSAGE)).headerHash());
  }

  @Test
  void anyBytesHaveAFingerprint() {
    assertThat(MessageFingerprint.of(new byte[0]).contentHash()).hasSize(64);
    assertThat(MessageFingerprint.of(new byte[] {0, (byte) 0xff, '\n', '\n', 1}).headerHash())
        .hasSize(64);
    assertThat(MessageFingerprint.of(bytes("no headers at all, no empty line")).contentHash())
        .hasSize(64);
  }

  @Test
  void transportHeadersAreKnownByNameAndFamily() {
    assertThat(MessageFingerprint.isTransport("Received")).isTrue();
    assertThat(MessageFingerprint.isTransport("ARC-Message-Signature")).isTrue();
    assertThat(MessageFingerprint.isTransport("X-MS-Exchange-Organization-SCL")).isTrue();
    assertThat(MessageFingerprint.isTransport("Subject")).isFalse();
    assertThat(MessageFingerprint.isTransport("X-Riferimento-Message-ID")).isFalse();
  }
}

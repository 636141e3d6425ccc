package it.sportello.document;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.util.Selector;

/**
 * A CAdES envelope ({@code name.pdf.p7m}): CMS SignedData with the signed content inside, DER or
 * Base64 (with or without PEM lines). Opening it gives the content and who signed it; the signature
 * is not verified here (no trust list).
 */
record SignedEnvelope(byte[] content, List<String> signers) {

  /** Envelopes inside envelopes (countersigned files saved as {@code .p7m.p7m}) up to this deep. */
  static final int MAX_NESTING = 3;

  static boolean isCandidate(String fileName, String mediaType) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    return name.endsWith(".p7m")
        || mediaType.startsWith("application/pkcs7-mime")
        || mediaType.startsWith("application/x-pkcs7-mime");
  }

  /** The name of the signed content: {@code atto.pdf.p7m} → {@code atto.pdf}. */
  static String innerName(String fileName) {
    if (fileName == null) {
      return null;
    }
    return fileName.toLowerCase(Locale.ROOT).endsWith(".p7m")
        ? fileName.substring(0, fileName.length() - 4)
        : fileName;
  }

  /**
   * Opens the envelope, and the envelopes it contains.
   *
   * @throws CMSException when the bytes are no CMS SignedData or carry no content (a detached
   *     signature)
   */
  static SignedEnvelope open(byte[] bytes) throws CMSException {
    byte[] content = bytes;
    List<String> signers = new ArrayList<>();
    int depth = 0;
    do {
      CMSSignedData signed = new CMSSignedData(der(content));
      if (signed.getSignedContent() == null) {
        throw new CMSException("the signature is detached: the envelope holds no content");
      }
      signers.addAll(signers(signed));
      content = (byte[]) signed.getSignedContent().getContent();
      depth++;
    } while (depth < MAX_NESTING && looksSigned(content));
    return new SignedEnvelope(content, List.copyOf(signers));
  }

  private static boolean looksSigned(byte[] content) {
    String start =
        new String(content, 0, Math.min(content.length, 10), StandardCharsets.ISO_8859_1);
    if (!(content.length > 0 && content[0] == 0x30)
        && !start.startsWith("MI")
        && !start.startsWith("-----BEGIN")) {
      return false;
    }
    try {
      new CMSSignedData(der(content));
      return true;
    } catch (CMSException | RuntimeException e) {
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> signers(CMSSignedData signed) {
    List<String> subjects = new ArrayList<>();
    for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
      Collection<X509CertificateHolder> certificates =
          signed.getCertificates().getMatches((Selector<X509CertificateHolder>) signer.getSID());
      certificates.stream()
          .findFirst()
          .ifPresent(certificate -> subjects.add(certificate.getSubject().toString()));
    }
    return subjects;
  }

  /** DER as it is (a SEQUENCE starts with 0x30); Base64 decoded, PEM armour and spaces ignored. */
  private static byte[] der(byte[] bytes) throws CMSException {
    if (bytes.length > 0 && bytes[0] == 0x30) {
      return bytes;
    }
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    StringBuilder base64 = new StringBuilder(text.length());
    for (String line : text.split("\\R")) {
      if (!line.startsWith("-----")) {
        base64.append(line.replaceAll("\\s", ""));
      }
    }
    try {
      return Base64.getDecoder().decode(base64.toString());
    } catch (IllegalArgumentException e) {
      throw new CMSException("neither DER nor Base64");
    }
  }
}

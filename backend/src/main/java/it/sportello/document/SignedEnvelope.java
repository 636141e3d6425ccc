package it.sportello.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.KeyAgreeRecipientId;
import org.bouncycastle.cms.KeyTransRecipientId;
import org.bouncycastle.cms.RecipientId;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.util.Selector;

/**
 * A CAdES envelope ({@code name.pdf.p7m}): CMS SignedData with the signed content inside, DER or
 * Base64 (with or without PEM lines). Opening it gives the content and who signed it; the signature
 * is not verified here (no trust list). A detached signature ({@code name.pdf.p7s}) opens with no
 * content ({@link #detached()}); an encrypted envelope (CMS EnvelopedData) is told apart by {@link
 * #recipientsIfEncrypted(byte[])}.
 *
 * @param content the signed content, null for a detached signature
 */
record SignedEnvelope(byte[] content, List<String> signers) {

  /** Envelopes inside envelopes (countersigned files saved as {@code .p7m.p7m}) up to this deep. */
  static final int MAX_NESTING = 3;

  static boolean isCandidate(String fileName, String mediaType) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    return name.endsWith(".p7m")
        || name.endsWith(".p7s")
        || mediaType.startsWith("application/pkcs7-mime")
        || mediaType.startsWith("application/x-pkcs7-mime")
        || mediaType.startsWith("application/pkcs7-signature")
        || mediaType.startsWith("application/x-pkcs7-signature");
  }

  /** Whether the signature is detached: it signs a file sent apart and holds no content. */
  boolean detached() {
    return content == null;
  }

  /** The name of the signed content: {@code atto.pdf.p7m} → {@code atto.pdf}. */
  static String innerName(String fileName) {
    if (fileName == null) {
      return null;
    }
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".p7m") || lower.endsWith(".p7s")
        ? fileName.substring(0, fileName.length() - 4)
        : fileName;
  }

  /**
   * Opens the envelope, and the envelopes it contains.
   *
   * @throws CMSException when the bytes are no CMS SignedData, or an envelope inside carries no
   *     content
   */
  static SignedEnvelope open(byte[] bytes) throws CMSException {
    byte[] content = bytes;
    List<String> signers = new ArrayList<>();
    int depth = 0;
    do {
      CMSSignedData signed = new CMSSignedData(der(content));
      if (signed.getSignedContent() == null) {
        if (depth == 0) {
          return new SignedEnvelope(null, List.copyOf(signers(signed)));
        }
        throw new CMSException("the signature is detached: the envelope holds no content");
      }
      signers.addAll(signers(signed));
      content = (byte[]) signed.getSignedContent().getContent();
      depth++;
    } while (depth < MAX_NESTING && looksSigned(content));
    return new SignedEnvelope(content, List.copyOf(signers));
  }

  /**
   * The recipients (issuer and serial number of their certificates) when the bytes are an encrypted
   * CMS envelope (EnvelopedData, AuthEnvelopedData or EncryptedData, with no recipients), else
   * null.
   */
  static List<String> recipientsIfEncrypted(byte[] bytes) {
    ContentInfo info;
    try {
      info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(der(bytes)));
    } catch (CMSException | IOException | RuntimeException e) {
      return null;
    }
    ASN1ObjectIdentifier type = info.getContentType();
    if (CMSObjectIdentifiers.envelopedData.equals(type)) {
      try {
        List<String> recipients = new ArrayList<>();
        for (RecipientInformation recipient :
            new CMSEnvelopedData(info).getRecipientInfos().getRecipients()) {
          recipients.add(describe(recipient.getRID()));
        }
        return List.copyOf(recipients);
      } catch (CMSException | RuntimeException e) {
        return List.of();
      }
    }
    if (CMSObjectIdentifiers.authEnvelopedData.equals(type)
        || CMSObjectIdentifiers.encryptedData.equals(type)) {
      return List.of();
    }
    return null;
  }

  private static String describe(RecipientId recipient) {
    if (recipient instanceof KeyTransRecipientId keyTransport && keyTransport.getIssuer() != null) {
      return keyTransport.getIssuer() + " (serial " + keyTransport.getSerialNumber() + ")";
    }
    if (recipient instanceof KeyAgreeRecipientId keyAgreement && keyAgreement.getIssuer() != null) {
      return keyAgreement.getIssuer() + " (serial " + keyAgreement.getSerialNumber() + ")";
    }
    return "a recipient of type " + recipient.getType();
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

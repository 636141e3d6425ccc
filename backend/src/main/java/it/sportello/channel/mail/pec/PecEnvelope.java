package it.sportello.channel.mail.pec;

import jakarta.mail.internet.MimeMessage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A PEC envelope or receipt as its certification data ({@code daticert.xml}) describe it.
 *
 * @param kind posta-certificata, accettazione, avvenuta-consegna, …
 * @param certifiedSender the sender's PEC address ({@code mittente})
 * @param recipients the recipients ({@code destinatari}), certified or not
 * @param subject the original subject ({@code oggetto}), without the provider's prefix
 * @param pecId the provider's identifier of the message ({@code identificativo}), the same in the
 *     envelope and all its receipts
 * @param originalMessageId the Message-ID of the original message ({@code msgid}), without angle
 *     brackets
 * @param issuedAt when the provider certified the event ({@code data}, with its offset)
 * @param provider who issued it ({@code gestore-emittente})
 * @param error why it was not accepted or delivered, null when there was no error
 * @param deliveredTo the mailbox a delivery receipt or error is about ({@code consegna}), else null
 * @param receiptType {@code completa}, {@code breve} or {@code sintetica} for delivery receipts,
 *     else null
 * @param signed whether the provider's signature ({@code smime.p7s}) is there; it is not verified
 *     here
 * @param original the original message ({@code postacert.eml}), in envelopes and complete delivery
 *     receipts
 */
public record PecEnvelope(
    PecKind kind,
    String certifiedSender,
    List<PecRecipient> recipients,
    String subject,
    String pecId,
    String originalMessageId,
    OffsetDateTime issuedAt,
    String provider,
    PecError error,
    String deliveredTo,
    String receiptType,
    boolean signed,
    Optional<MimeMessage> original) {

  public PecEnvelope {
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
    original = original == null ? Optional.empty() : original;
  }

  /** A receipt or notice about a message we sent, not a message to us. */
  public boolean isReceipt() {
    return kind != PecKind.CERTIFIED_MESSAGE && kind != PecKind.ANOMALY;
  }
}

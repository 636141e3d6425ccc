package it.sportello.channel.mail.pec;

import java.util.Arrays;
import java.util.Optional;

/** What a PEC message is, by the {@code tipo} of its certification data. */
public enum PecKind {
  /** Transport envelope (busta di trasporto): a certified message, the original inside. */
  CERTIFIED_MESSAGE("posta-certificata"),
  /** Acceptance receipt from the sender's provider (ricevuta di accettazione). */
  ACCEPTANCE("accettazione"),
  /** The sender's provider refused the message (avviso di non accettazione). */
  NON_ACCEPTANCE("non-accettazione"),
  /** Taken in charge between providers (ricevuta di presa in carico). */
  TAKEN_IN_CHARGE("presa-in-carico"),
  /** Delivered to the recipient's mailbox (ricevuta di avvenuta consegna). */
  DELIVERY("avvenuta-consegna"),
  /** Not delivered (avviso di mancata consegna). */
  DELIVERY_ERROR("errore-consegna"),
  /** Not delivered within 12 hours so far (preavviso di mancata consegna). */
  DELIVERY_ERROR_WARNING("preavviso-errore-consegna"),
  /** A virus was found (avviso di rilevazione virus). */
  VIRUS_DETECTED("rilevazione-virus"),
  /** Anomaly envelope (busta di anomalia): a message that reached the PEC system uncertified. */
  ANOMALY("errore");

  private final String code;

  PecKind(String code) {
    this.code = code;
  }

  /**
   * The {@code tipo} in {@code daticert.xml} and the {@code X-Ricevuta}/{@code X-Trasporto} value.
   */
  public String code() {
    return code;
  }

  public static Optional<PecKind> fromCode(String code) {
    return Arrays.stream(values())
        .filter(kind -> kind.code.equalsIgnoreCase(code == null ? "" : code.strip()))
        .findFirst();
  }
}

package it.sportello.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The do-not-contact list: whoever opted out gets no survey or campaign message any more, checked
 * at every send (never cached). Addresses are kept as the SHA-256 of the trimmed, lower-cased
 * address, so the list holds no readable address and survives an erasure of the person.
 */
@Service
public class DoNotContact {

  /** Where an opt-out came from. */
  public enum Source {
    UNSUBSCRIBE_LINK,
    OPERATOR,
    IMPORT
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  DoNotContact(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Whether this address or contact opted out (either may be null). */
  @Transactional(readOnly = true)
  public boolean optedOut(String address, Long contactId) {
    return jdbc.sql(
                """
                select count(*) from sportello.do_not_contact
                where address_hash = ? or (cast(? as bigint) is not null and contact_id = ?)""")
            .params(address == null ? new byte[0] : hash(address), contactId, contactId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Records the opt-out of this address and/or contact, once (the first time and source stay). */
  @Transactional
  public void optOut(String address, Long contactId, Source source, Long invitationId) {
    if (address == null && contactId == null) {
      throw new IllegalArgumentException("an address or a contact is needed");
    }
    if (optedOut(address, contactId)) {
      return;
    }
    jdbc.sql(
            """
            insert into sportello.do_not_contact (address_hash, contact_id, opted_out_at, source,
                invitation_id)
            values (?, ?, ?, ?, ?) on conflict do nothing""")
        .params(
            address == null ? null : hash(address),
            contactId,
            Timestamp.from(clock.instant()),
            source.name(),
            invitationId)
        .update();
  }

  static byte[] hash(String address) {
    return sha256(address.strip().toLowerCase(Locale.ROOT));
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

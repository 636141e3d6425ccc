package it.sportello.channel.mail;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ticket of the newest row of a mail table (received or sent) carrying one of some Message-IDs:
 * how a reply finds its conversation, the same lookup on both tables.
 */
final class TicketByMessageId {

  private TicketByMessageId() {}

  /**
   * @param table {@code inbound_message} or {@code outbound_mail} (a constant, never input)
   */
  static Optional<String> find(JdbcTemplate jdbc, String table, List<String> messageIds) {
    if (messageIds.isEmpty()) {
      return Optional.empty();
    }
    return jdbc
        .query(
            "select ticket_number from sportello."
                + table
                + " where message_id = any (?) and ticket_number is not null"
                + " order by id desc limit 1",
            (rs, n) -> rs.getString(1),
            (Object) messageIds.toArray(String[]::new))
        .stream()
        .findFirst();
  }
}

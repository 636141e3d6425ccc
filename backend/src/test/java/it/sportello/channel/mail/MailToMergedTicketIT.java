package it.sportello.channel.mail;

import static it.sportello.channel.mail.MailTestSupport.deliver;
import static it.sportello.channel.mail.MailTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** The requester's mail on a duplicate's number, after the merge, goes on in the primary. */
class MailToMergedTicketIT extends IntegrationTest {

  @Autowired Mailboxes mailboxes;
  @Autowired MailboxPoller poller;
  @Autowired EmbeddedMailServer server;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aReplyOnTheDuplicatesNumberThreadsIntoThePrimary() throws Exception {
    Mailbox mailbox = mailboxes.find("demo").orElseThrow();
    String sender = "anna." + UUID.randomUUID().toString().substring(0, 8) + "@example.it";
    String first = UUID.randomUUID() + "@example.it";
    String second = UUID.randomUUID() + "@example.it";
    deliver(
        server,
        message(sender, mailbox.address(), "Rimborso IMU", "Chiedo il rimborso IMU.", first),
        mailbox.address());
    deliver(
        server,
        message(sender, mailbox.address(), "Rimborso IMU", "Scrivo di nuovo per l'IMU.", second),
        mailbox.address());
    poller.poll(mailbox);
    String primary = ticketOf(first);
    String duplicate = ticketOf(second);
    assertThat(duplicate).isNotEqualTo(primary);

    assertThat(
            post("/api/tickets/" + duplicate + "/merge", "operator1", Map.of("into", primary))
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);

    String reply = UUID.randomUUID() + "@example.it";
    deliver(
        server,
        message(
            sender,
            mailbox.address(),
            "Re: [" + duplicate + "] Rimborso IMU",
            "Ecco l'IBAN per il rimborso.",
            reply),
        mailbox.address());
    poller.poll(mailbox);

    assertThat(ticketOf(reply)).isEqualTo(primary);
    assertThat(
            jdbc.queryForList(
                """
                select e.detail from sportello.ticket_event e join sportello.ticket t on t.id = e.ticket_id
                where t.number = ? and e.kind = 'REQUESTER_MESSAGE'""",
                String.class,
                primary))
        .singleElement()
        .satisfies(text -> assertThat(text).contains("IBAN"));
    assertThat(
            jdbc.queryForObject(
                "select status from sportello.ticket where number = ?", String.class, duplicate))
        .isEqualTo("CLOSED");
  }

  private String ticketOf(String messageKey) {
    Map<String, Object> row =
        jdbc.queryForMap(
            "select status, ticket_number from sportello.inbound_message where message_key = ?",
            messageKey);
    assertThat(row.get("status")).isEqualTo("PROCESSED");
    return (String) row.get("ticket_number");
  }
}

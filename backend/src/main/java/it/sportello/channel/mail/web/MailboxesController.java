package it.sportello.channel.mail.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.channel.mail.MailboxHealth;
import it.sportello.channel.mail.MailboxKind;
import it.sportello.channel.mail.Mailboxes;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Mail", description = "The e-mail and PEC channel: messages that could not be read")
@RestController
@RequestMapping("/api/mail/mailboxes")
class MailboxesController {

  private final Mailboxes mailboxes;
  private final MailboxHealth health;

  MailboxesController(Mailboxes mailboxes, MailboxHealth health) {
    this.mailboxes = mailboxes;
    this.health = health;
  }

  @Operation(
      summary = "The mailboxes and how their reading goes",
      description =
          "Per mailbox: when it was last read, last read without error, the last error (addresses"
              + " masked) and how many polls in a row failed. Figures since the application"
              + " started; a mailbox not read since then has none.")
  @GetMapping
  List<MailboxView> mailboxes() {
    return mailboxes.all().stream()
        .map(
            mailbox -> {
              MailboxHealth.Status status = health.of(mailbox.id());
              return new MailboxView(
                  mailbox.id(),
                  mailbox.kind(),
                  mailbox.address(),
                  mailbox.receives(),
                  mailbox.sends(),
                  status.lastPoll(),
                  status.lastSuccess(),
                  status.lastErrorAt(),
                  status.lastError(),
                  status.consecutiveFailures());
            })
        .toList();
  }

  /**
   * @param lastPoll when the last poll began (null: not read since the start)
   * @param lastSuccess when a poll last ended without error
   * @param lastErrorAt when the last error happened
   * @param lastError the last error, addresses masked
   * @param consecutiveFailures polls in a row that failed (0: the last one did not)
   */
  record MailboxView(
      String id,
      MailboxKind kind,
      String address,
      boolean receives,
      boolean sends,
      Instant lastPoll,
      Instant lastSuccess,
      Instant lastErrorAt,
      String lastError,
      int consecutiveFailures) {}
}

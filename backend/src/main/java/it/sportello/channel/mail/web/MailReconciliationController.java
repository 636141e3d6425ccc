package it.sportello.channel.mail.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.channel.mail.MailReconciliation;
import it.sportello.channel.mail.MailReconciliation.Report;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Mail")
@RestController
@RequestMapping("/api/mail/reconciliation")
class MailReconciliationController {

  private final MailReconciliation reconciliation;

  MailReconciliationController(MailReconciliation reconciliation) {
    this.reconciliation = reconciliation;
  }

  @Operation(
      summary = "The latest daily reconciliation of each mailbox",
      description =
          "What the mail server held (the messages of the last sportello.mail.reconciliation"
              + ".lookback) that has no record here: marked as read in a mail client before it was"
              + " fetched, or lost. Each message with its uid on the server, Message-ID, header"
              + " hash, size, date, sender and subject. Empty before the first run.")
  @GetMapping
  List<Report> latest() {
    return reconciliation.latest();
  }

  @Operation(
      summary = "Reconcile every mailbox now",
      description = "Runs the reconciliation at once (as the daily job does) and returns it.")
  @PostMapping
  List<Report> run() {
    return reconciliation.reconcileAll();
  }
}

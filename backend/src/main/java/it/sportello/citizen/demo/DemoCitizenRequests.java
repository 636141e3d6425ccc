package it.sportello.citizen.demo;

import it.sportello.contact.RequesterData;
import it.sportello.ticket.application.OpenTicketCommand;
import it.sportello.ticket.application.TicketIntake;
import it.sportello.ticket.domain.Channel;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo citizen Maria Rossi's requests: one by phone, one by mail, so that her personal area has
 * something to show after a SPID login. Opened once (idempotency keys), with the demo's identity
 * provider.
 */
@Component
@ConditionalOnProperty(name = "sportello.citizen.demo-idp.enabled", havingValue = "true")
class DemoCitizenRequests {

  private static final Logger log = LoggerFactory.getLogger(DemoCitizenRequests.class);

  private final TicketIntake intake;

  DemoCitizenRequests(TicketIntake intake) {
    this.intake = intake;
  }

  @EventListener(ApplicationReadyEvent.class)
  void open() {
    DemoCitizen maria = DemoCitizen.byKey("maria.rossi");
    RequesterData requester =
        new RequesterData(
            maria.givenName() + " " + maria.familyName(),
            maria.fiscalCode(),
            null,
            maria.email(),
            "+393331234567");
    try {
      open(
          "demo-citizen-phone",
          Channel.PHONE,
          "Avviso TARI 2026 non ricevuto",
          "La cittadina chiama: non ha ricevuto l'avviso di pagamento TARI 2026.",
          requester);
      open(
          "demo-citizen-mail",
          Channel.EMAIL,
          "Richiesta di rimborso TARI 2025",
          "Buongiorno, ho pagato due volte la seconda rata TARI 2025: chiedo il rimborso.",
          requester);
    } catch (RuntimeException e) {
      log.warn("The demo citizen's requests could not be opened", e);
    }
  }

  private void open(
      String key, Channel channel, String subject, String description, RequesterData requester) {
    intake.open(
        new OpenTicketCommand(
            channel, null, subject, description, "it", requester, null, null, Map.of(), null, null),
        key,
        "demo");
  }
}

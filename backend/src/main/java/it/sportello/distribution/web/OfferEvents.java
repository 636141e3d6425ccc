package it.sportello.distribution.web;

import it.sportello.distribution.OfferMade;
import it.sportello.platform.web.UserEvents;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Offers pushed to the operator's browser: an {@code offer} event on the user's event stream once
 * the round that made it has committed. The event carries no data the operator may not see; the
 * browser then reads {@code GET /api/me/offer}. A round on another node reaches the operator
 * through the workspace's slow poll.
 */
@Component
class OfferEvents {

  static final String EVENT = "offer";

  private final UserEvents events;

  OfferEvents(UserEvents events) {
    this.events = events;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void deliver(OfferMade offer) {
    events.toUser(offer.operator(), EVENT, Map.of("taskId", offer.taskId()));
  }
}

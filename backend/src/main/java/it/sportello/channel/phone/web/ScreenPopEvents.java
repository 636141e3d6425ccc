package it.sportello.channel.phone.web;

import it.sportello.channel.phone.ScreenPop;
import it.sportello.platform.web.UserEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Screen pops on the operator's event stream ({@code screen-pop}, a {@link ScreenPop} as JSON),
 * sent once the transaction that caused them has committed.
 */
@Component
class ScreenPopEvents {

  static final String EVENT = "screen-pop";

  private final UserEvents events;

  ScreenPopEvents(UserEvents events) {
    this.events = events;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void deliver(ScreenPop pop) {
    events.toUser(pop.agent(), EVENT, pop);
  }
}

package it.sportello.channel.phone;

import it.sportello.ticket.application.AnswerByPhoneRequested;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A ticket whose requester chose the phone is answered by a call-back: the ticket module publishes
 * {@link AnswerByPhoneRequested} from its closing step, and the call-back starts in the same
 * transaction (a failure rolls the closing back and its job is retried; {@link Callbacks#answer}
 * starts the call-back once).
 */
@Component
class CallbackAnswers {

  private final Callbacks callbacks;

  CallbackAnswers(Callbacks callbacks) {
    this.callbacks = callbacks;
  }

  @EventListener
  void on(AnswerByPhoneRequested answer) {
    callbacks.answer(answer.ticketNumber(), answer.answeredBy(), answer.appointmentAt());
  }
}

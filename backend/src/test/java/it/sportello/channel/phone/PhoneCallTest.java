package it.sportello.channel.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The figures of a call, whatever the order its events arrive in. */
class PhoneCallTest {

  private static final Instant OFFERED = Instant.parse("2026-11-30T09:00:00Z");

  @Test
  void answeredCall() {
    PhoneCall call = new PhoneCall("c-1", "+390612345678", null);
    call.offered("general", OFFERED);
    call.answered("operator1", OFFERED.plusSeconds(25));
    call.ended(OFFERED.plusSeconds(385));

    assertThat(call.getOutcome()).isEqualTo(CallOutcome.ANSWERED);
    assertThat(call.getWaitSeconds()).isEqualTo(25);
    assertThat(call.getTalkSeconds()).isEqualTo(360);
  }

  @Test
  void eventsOutOfOrderGiveTheSameFigures() {
    PhoneCall call = new PhoneCall("c-2", null, null);
    call.answered("operator1", OFFERED.plusSeconds(25));
    call.ended(OFFERED.plusSeconds(385));
    call.offered("general", OFFERED);

    assertThat(call.getOutcome()).isEqualTo(CallOutcome.ANSWERED);
    assertThat(call.getWaitSeconds()).isEqualTo(25);
    assertThat(call.getTalkSeconds()).isEqualTo(360);
    assertThat(call.getQueue()).isEqualTo("general");
  }

  @Test
  void hungUpInQueueIsAbandonedEndedWithoutAnswerIsLost() {
    PhoneCall abandoned = new PhoneCall("c-3", null, null);
    abandoned.offered("general", OFFERED);
    abandoned.abandoned(OFFERED.plusSeconds(95));
    abandoned.ended(OFFERED.plusSeconds(96));
    assertThat(abandoned.getOutcome()).isEqualTo(CallOutcome.ABANDONED);
    assertThat(abandoned.getWaitSeconds()).isEqualTo(95);

    PhoneCall lost = new PhoneCall("c-4", null, null);
    lost.offered("general", OFFERED);
    lost.ended(OFFERED.plusSeconds(300));
    assertThat(lost.getOutcome()).isEqualTo(CallOutcome.UNANSWERED);
    assertThat(lost.getTalkSeconds()).isNull();
  }
}

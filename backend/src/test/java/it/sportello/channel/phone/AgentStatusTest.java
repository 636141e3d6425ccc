package it.sportello.channel.phone;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.channel.phone.AgentStatus.Change;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How the telephony platform's events move an agent, whatever the order they arrive in. */
class AgentStatusTest {

  private static final Instant T = Instant.parse("2026-11-30T09:00:00Z");

  private static AgentStatus available() {
    return AgentStatus.first(Change.reported("operator1", AgentState.AVAILABLE, T, "general"));
  }

  @Test
  void aReportedStateIsTheFirstState() {
    AgentStatus status = available();

    assertThat(status.state()).isEqualTo(AgentState.AVAILABLE);
    assertThat(status.since()).isEqualTo(T);
    assertThat(status.queue()).isEqualTo("general");
    assertThat(status.callId()).isNull();
  }

  @Test
  void answeringPutsTheAgentOnTheCallAndItsEndInWrapUp() {
    AgentStatus onCall =
        available()
            .after(Change.answered("operator1", T.plusSeconds(60), "general", "c-1"))
            .orElseThrow();
    assertThat(onCall.state()).isEqualTo(AgentState.ON_CALL);
    assertThat(onCall.since()).isEqualTo(T.plusSeconds(60));
    assertThat(onCall.callId()).isEqualTo("c-1");

    AgentStatus wrapUp =
        onCall
            .after(Change.callEnded("operator1", T.plusSeconds(300), "general", "c-1"))
            .orElseThrow();
    assertThat(wrapUp.state()).isEqualTo(AgentState.WRAP_UP);
    assertThat(wrapUp.since()).isEqualTo(T.plusSeconds(300));
    assertThat(wrapUp.callId()).isEqualTo("c-1");

    AgentStatus ready =
        wrapUp
            .after(Change.reported("operator1", AgentState.AVAILABLE, T.plusSeconds(330), null))
            .orElseThrow();
    assertThat(ready.state()).isEqualTo(AgentState.AVAILABLE);
    assertThat(ready.callId()).isNull();
    assertThat(ready.queue()).as("the queue stays when not given").isEqualTo("general");
  }

  @Test
  void anEventOlderThanTheLastAppliedChangesNothing() {
    AgentStatus paused =
        available()
            .after(Change.reported("operator1", AgentState.PAUSED, T.plusSeconds(600), null))
            .orElseThrow();

    // the call's end arrives after the agent already paused
    assertThat(paused.after(Change.callEnded("operator1", T.plusSeconds(500), null, "c-1")))
        .isEmpty();
    // a state reported earlier, delivered late
    assertThat(
            paused.after(
                Change.reported("operator1", AgentState.AVAILABLE, T.plusSeconds(599), null)))
        .isEmpty();
  }

  @Test
  void eventsDeliveredInReverseOrderEndInTheLatestState() {
    // the platform sent: available (T), answered (T+60), ended (T+300), paused (T+400); we get them
    // in reverse
    AgentStatus status =
        AgentStatus.first(
            Change.reported("operator1", AgentState.PAUSED, T.plusSeconds(400), "general"));
    for (Change late :
        new Change[] {
          Change.callEnded("operator1", T.plusSeconds(300), "general", "c-1"),
          Change.answered("operator1", T.plusSeconds(60), "general", "c-1"),
          Change.reported("operator1", AgentState.AVAILABLE, T, "general")
        }) {
      assertThat(status.after(late)).isEmpty();
    }
    assertThat(status.state()).isEqualTo(AgentState.PAUSED);
    assertThat(status.since()).isEqualTo(T.plusSeconds(400));
  }

  @Test
  void aRepeatedStateKeepsWhenTheAgentEnteredIt() {
    AgentStatus again =
        available()
            .after(Change.reported("operator1", AgentState.AVAILABLE, T.plusSeconds(120), "level2"))
            .orElseThrow();

    assertThat(again.since()).isEqualTo(T);
    assertThat(again.lastEventAt()).isEqualTo(T.plusSeconds(120));
    assertThat(again.queue()).isEqualTo("level2");
  }

  @Test
  void theEndOfAnotherCallDoesNotInterruptTheCallInProgress() {
    AgentStatus onCall =
        available()
            .after(Change.answered("operator1", T.plusSeconds(60), "general", "c-2"))
            .orElseThrow();

    assertThat(onCall.after(Change.callEnded("operator1", T.plusSeconds(90), "general", "c-1")))
        .isEmpty();
  }

  @Test
  void anExplicitStateAtTheSameInstantAsTheCallsEndWins() {
    AgentStatus wrapUp =
        available()
            .after(Change.callEnded("operator1", T.plusSeconds(60), "general", "c-1"))
            .orElseThrow();

    AgentStatus available =
        wrapUp
            .after(Change.reported("operator1", AgentState.AVAILABLE, T.plusSeconds(60), null))
            .orElseThrow();
    assertThat(available.state()).isEqualTo(AgentState.AVAILABLE);
  }
}

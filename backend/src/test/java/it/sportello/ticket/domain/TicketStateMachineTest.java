package it.sportello.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ticket's named transitions: the status each leads to and the step it leaves on the path. */
class TicketStateMachineTest {

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  private static Ticket received() {
    return new Ticket(
        "RS-TEST-1",
        new Ticket.NewTicket(
            TicketType.Q,
            Channel.EMAIL,
            "Bolletta",
            "Importo errato",
            "it",
            null,
            null,
            Map.of(),
            T0,
            null,
            null),
        7L,
        "operator1",
        T0);
  }

  private static Ticket classified() {
    Ticket ticket = received();
    ticket.classify("GENERAL", 3, "STANDARD", T0.plusSeconds(3600), T0.plusSeconds(86400), T0);
    return ticket;
  }

  private static TicketEventKind lastKind(Ticket ticket) {
    return ticket.lastEvent().getKind();
  }

  @Test
  void aNewTicketOpensWhenClassifiedAndIsInProgressOnceTakenInCharge() {
    Ticket ticket = received();
    assertThat(ticket.getStatus()).isEqualTo(TicketStatus.NEW);
    assertThat(lastKind(ticket)).isEqualTo(TicketEventKind.RECEIVED);

    ticket.classify("GENERAL", 3, "STANDARD", T0, T0, T0);
    assertThat(ticket.getStatus()).isEqualTo(TicketStatus.OPEN);

    assertThat(ticket.takeInCharge("operator1", T0)).isTrue();
    assertThat(ticket.takeInCharge("operator2", T0)).isFalse();
    assertThat(ticket.getStatus()).isEqualTo(TicketStatus.IN_PROGRESS);
    assertThat(ticket.getTakenInChargeBy()).isEqualTo("operator1");
  }

  @Test
  void escalationMovesTheTicketToLevel2() {
    Ticket ticket = classified();
    ticket.escalateToLevel2("operator1", "specialist needed", T0);
    assertThat(ticket.getCurrentLevel()).isEqualTo(2);
    assertThat(lastKind(ticket)).isEqualTo(TicketEventKind.ESCALATED_TO_LEVEL2);
  }

  @Test
  void anOfficeKeepsTheTicketWaitingUntilItAnswersRejectsOrIsReturned() {
    Ticket ticket = classified();
    ticket.involveOffice("TRIBUTI", "operator2", "please check", T0);
    assertThat(ticket.getStatus()).isEqualTo(TicketStatus.WAITING_FOR_OFFICE);
    assertThat(lastKind(ticket)).isEqualTo(TicketEventKind.OFFICE_ASSIGNED);
    assertThat(ticket.lastEvent().getOffice()).isEqualTo("TRIBUTI");

    ticket.officeRejected("TRIBUTI", "office1", "not ours → ANAGRAFE", T0);
    assertThat(ticket.getStatus()).isEqualTo(TicketStatus.IN_PROGRESS);
    assertThat(lastKind(ticket)).isEqualTo(TicketEventKind.OFFICE_REJECTED);

    ticket.reassignToOffice("ANAGRAFE", "headoffice1", null, T0);
    assertThat(ticket.getStatus()).isEqualTo(TicketStatus.WAITING_FOR_OFFICE);
    assertThat(lastKind(ticket)).isEqualTo(TicketEventKind.REASSIGNED);

    ticket.officeAnswered("ANAGRAFE", "office1", "done", T0);
    assertThat(ticket.getStatus()).isEqualTo(TicketStatus.IN_PROGRESS);
    assertThat(lastKind(ticket)).isEqualTo(TicketEventKind.OFFICE_ANSWERED);

    ticket.involveOffice("ANAGRAFE", "operator2", null, T0);
    ticket.returnToLevel2("headoffice1", "back to you", T0);
    assertThat(ticket.getStatus()).isEqualTo(TicketStatus.IN_PROGRESS);
    assertThat(lastKind(ticket)).isEqualTo(TicketEventKind.RETURNED_TO_LEVEL2);
  }

  @Test
  void waitingForTheRequesterPausesAndResumesTheSla() {
    Ticket ticket = classified();
    ticket.requestData("operator1", "codice fiscale", T0);
    assertThat(lastKind(ticket)).isEqualTo(TicketEventKind.DATA_REQUESTED);
    ticket.pauseSla(T0);
    assertThat(ticket.getStatus()).isEqualTo(TicketStatus.WAITING_FOR_REQUESTER);
    ticket.requesterWrote("citizen", "eccolo", T0);
    assertThat(lastKind(ticket)).isEqualTo(TicketEventKind.REQUESTER_MESSAGE);
    ticket.resumeSla(T0.plusSeconds(86400), T0);
    assertThat(ticket.getStatus()).isEqualTo(TicketStatus.IN_PROGRESS);
  }

  @Test
  void solvingRecordsTheAnswerAndClosingEndsTheTicket() {
    Ticket ticket = classified();
    ticket.solve("the answer", "operator1", T0);
    assertThat(ticket.getOutcome()).isEqualTo(Outcome.SOLVED);
    assertThat(ticket.getAnswer()).isEqualTo("the answer");
    ticket.close(T0);
    assertThat(ticket.getStatus()).isEqualTo(TicketStatus.CLOSED);
    assertThat(ticket.isClosed()).isTrue();
    assertThat(lastKind(ticket)).isEqualTo(TicketEventKind.CLOSED);
  }

  @Test
  void incompleteDataAndNoReplyCloseUnsolved() {
    Ticket incomplete = classified();
    incomplete.judgeDataIncomplete("operator1", "still no fiscal code", T0);
    assertThat(lastKind(incomplete)).isEqualTo(TicketEventKind.DATA_INCOMPLETE);
    incomplete.closeForIncompleteData(T0);
    assertThat(incomplete.getStatus()).isEqualTo(TicketStatus.CLOSED);
    assertThat(incomplete.getOutcome()).isEqualTo(Outcome.CLOSED_DATA_INCOMPLETE);

    Ticket silent = classified();
    silent.requesterReminded(T0);
    assertThat(lastKind(silent)).isEqualTo(TicketEventKind.REQUESTER_REMINDED);
    silent.closeForNoReply(T0);
    assertThat(silent.getOutcome()).isEqualTo(Outcome.CLOSED_FOR_NO_REPLY);
  }

  @Test
  void aMergedDuplicateClosesOnceAndOnlyOnce() {
    Ticket duplicate = classified();
    duplicate.mergeInto("RS-TEST-2", "supervisor", T0);
    assertThat(duplicate.closeAsDuplicate(T0)).isTrue();
    assertThat(duplicate.closeAsDuplicate(T0)).isFalse();
    assertThat(duplicate.getOutcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(duplicate.getStatus()).isEqualTo(TicketStatus.CLOSED);
  }

  @Test
  void aClosedTicketRefusesWork() {
    Ticket ticket = classified();
    ticket.solve("answer", "operator1", T0);
    ticket.close(T0);
    assertThatThrownBy(() -> ticket.escalateToLevel2("operator1", null, T0))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ticket.involveOffice("TRIBUTI", "operator2", null, T0))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ticket.officeAnswered("TRIBUTI", "office1", "late", T0))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ticket.close(T0)).isInstanceOf(IllegalStateException.class);
    assertThat(ticket.markResolutionBreached(T0)).isFalse();
  }

  @Test
  void callsAndLinksLeaveTheirStepOnThePath() {
    Ticket ticket = classified();
    ticket.planCallBack("operator2", "Richiamata", T0);
    assertThat(lastKind(ticket)).isEqualTo(TicketEventKind.CALL_BACK_PLANNED);
    ticket.callBackAttempted("operator2", "reached", T0);
    assertThat(lastKind(ticket)).isEqualTo(TicketEventKind.CALL_BACK_ATTEMPTED);
    ticket.callBackFailed("operator2", "not reached", T0);
    assertThat(lastKind(ticket)).isEqualTo(TicketEventKind.CALL_BACK_FAILED);
    ticket.callLinked("operator1", "call 12", T0);
    assertThat(lastKind(ticket)).isEqualTo(TicketEventKind.CALL_LINKED);
    ticket.callTransferred("operator1", "to operator2", T0);
    assertThat(lastKind(ticket)).isEqualTo(TicketEventKind.CALL_TRANSFERRED);
    ticket.linkedTo("RS-TEST-9", "operator1", T0);
    assertThat(ticket.lastEvent().getDetail()).isEqualTo("RS-TEST-9");
    ticket.unlinkedFrom("RS-TEST-9", "operator1", T0);
    assertThat(lastKind(ticket)).isEqualTo(TicketEventKind.UNLINKED);
    ticket.replySent("operator1", "text", T0);
    assertThat(lastKind(ticket)).isEqualTo(TicketEventKind.REPLY_SENT);
  }
}

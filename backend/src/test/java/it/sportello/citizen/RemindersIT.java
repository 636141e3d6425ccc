package it.sportello.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.sla.ServiceCalendar;
import it.sportello.sla.SlaService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The citizens' reminders: sent once even by two schedulers at the same moment, only while the
 * service calendar is open, in the language chosen, and no more after unsubscribing.
 */
class RemindersIT extends IntegrationTest {

  private static final ZoneId ROME = ZoneId.of("Europe/Rome");

  @Autowired Reminders reminders;
  @Autowired SlaService sla;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anAnswerDueIsRemindedOnceEvenByTwoConcurrentRunsInTheCitizensLanguage() throws Exception {
    String fiscalCode = fiscalCode();
    String number = waitingTicket(fiscalCode);
    Instant askedAt = LocalDateTime.of(2027, 1, 12, 9, 0).atZone(ROME).toInstant();
    jdbc.update(
        "update sportello.ticket set status = 'WAITING_FOR_REQUESTER', sla_paused_at = ?"
            + " where number = ?",
        java.sql.Timestamp.from(askedAt),
        number);
    Reminders.Subscription subscription =
        reminders.subscribe(
            citizen(fiscalCode), Reminders.Kind.ANSWER_DUE, null, "maria@example.it", "de");

    ServiceCalendar calendar = sla.calendar();
    Instant closeAt = sla.replyWindow(askedAt).closeAt();
    Instant remindAt = Reminders.workingDaysBefore(calendar, closeAt, 1);
    Instant due = calendar.isOpen(remindAt) ? remindAt : calendar.nextOpening(remindAt);
    assertThat(due).isBefore(closeAt);
    clock.pin(due);
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int node = 0; node < 2; node++) {
        runs.add(
            nodes.submit(
                () -> {
                  together.await();
                  return reminders.run();
                }));
      }
      for (Future<Integer> run : runs) {
        run.get();
      }
    } finally {
      nodes.shutdownNow();
    }
    reminders.run();

    List<Map<String, Object>> outbox = sent(subscription.id());
    assertThat(outbox).as("one reminder for the two nodes and the later run").hasSize(1);
    Map<String, Object> reminder = outbox.get(0);
    assertThat(reminder.get("template")).isEqualTo(Reminders.ANSWER_DUE_TEMPLATE);
    assertThat(reminder.get("language")).isEqualTo("de");
    assertThat(reminder.get("channel")).isEqualTo("EMAIL");
    assertThat(reminder.get("recipient")).isEqualTo("maria@example.it");
    JsonNode payload = json.readTree(reminder.get("payload").toString());
    assertThat(payload.get("number").asText()).isEqualTo(number);
    assertThat(payload.get("deadline").asText()).contains("Januar 2027");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.reminder_sent where subscription_id = ?",
                Integer.class,
                subscription.id()))
        .isEqualTo(1);
  }

  @Test
  void aNoticesDeadlineIsRemindedOnlyWhileTheServiceIsOpenAndNotAfterUnsubscribing() {
    ResponseEntity<JsonNode> created =
        post("/api/notices", "communications1", noticeDraft(LocalDate.of(2027, 1, 18)));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long noticeId = created.getBody().get("id").asLong();
    post("/api/notices/" + noticeId + "/publish", "communications1", null);

    String stays = fiscalCode();
    String leaves = fiscalCode();
    Reminders.Subscription kept =
        reminders.subscribe(citizen(stays), Reminders.Kind.NOTICE_DEADLINE, noticeId, null, "it");
    Reminders.Subscription ended =
        reminders.subscribe(
            citizen(leaves), Reminders.Kind.NOTICE_DEADLINE, noticeId, "anna@example.it", "en");
    assertThat(kept.email()).as("the identity's e-mail").isEqualTo("cittadino@example.it");
    assertThat(reminders.unsubscribe(leaves, Reminders.Kind.NOTICE_DEADLINE, noticeId)).isTrue();
    assertThat(reminders.subscriptions(leaves)).isEmpty();

    // Sunday 17 January 2027: past the reminder date, but the service is closed
    clock.pin(LocalDateTime.of(2027, 1, 17, 10, 0).atZone(ROME).toInstant());
    reminders.run();
    assertThat(sent(kept.id())).isEmpty();

    // Monday 18 January, open: the one still subscribed gets it, in Italian
    clock.pin(LocalDateTime.of(2027, 1, 18, 9, 0).atZone(ROME).toInstant());
    reminders.run();
    reminders.run();
    List<Map<String, Object>> outbox = sent(kept.id());
    assertThat(outbox).hasSize(1);
    assertThat(outbox.get(0).get("template")).isEqualTo(Reminders.NOTICE_DEADLINE_TEMPLATE);
    assertThat(outbox.get(0).get("language")).isEqualTo("it");
    assertThat(outbox.get(0).get("payload").toString()).contains("18 gennaio 2027");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.notification_outbox where recipient = ?"
                    + " and template = ?",
                Integer.class,
                "anna@example.it",
                Reminders.NOTICE_DEADLINE_TEMPLATE))
        .isZero();
  }

  @Test
  void aNoticeWithoutADeadlineCannotBeSubscribedAndTheEmailIsRequired() {
    Map<String, Object> draft = noticeDraft(null);
    long noticeId = post("/api/notices", "communications1", draft).getBody().get("id").asLong();
    post("/api/notices/" + noticeId + "/publish", "communications1", null);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                reminders.subscribe(
                    citizen(fiscalCode()), Reminders.Kind.NOTICE_DEADLINE, noticeId, null, "it"))
        .isInstanceOf(it.sportello.shared.NotFoundException.class);
    Citizen noEmail =
        new Citizen(
            fiscalCode(), "Anna", "Neri", null, false, IdentityScheme.CIE, AssuranceLevel.L3);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> reminders.subscribe(noEmail, Reminders.Kind.ANSWER_DUE, null, " ", "it"))
        .isInstanceOf(it.sportello.shared.InvalidRequestException.class)
        .hasMessageContaining("email");
  }

  private List<Map<String, Object>> sent(long subscriptionId) {
    return jdbc.queryForList(
        "select n.template, n.language, n.channel, n.recipient, n.payload::text as payload"
            + " from sportello.notification_outbox n"
            + " where n.dedup_key like ? and n.channel = 'EMAIL'",
        "reminder:" + subscriptionId + ":%");
  }

  private String waitingTicket(String fiscalCode) {
    ResponseEntity<JsonNode> opened =
        post("/api/tickets", "api-client", ticketRequest(fiscalCode, "Residenza da completare"));
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return opened.getBody().get("number").asText();
  }

  private static Citizen citizen(String fiscalCode) {
    return new Citizen(
        fiscalCode,
        "Maria",
        "Rossi",
        "cittadino@example.it",
        true,
        IdentityScheme.SPID,
        AssuranceLevel.L2);
  }

  private static Map<String, Object> noticeDraft(LocalDate deadline) {
    Map<String, Object> draft = new LinkedHashMap<>();
    draft.put("audience", "ALL");
    draft.put("kind", deadline == null ? "INFORMATION" : "DEADLINE");
    draft.put("title", Map.of("it", "Rata TARI", "en", "TARI instalment"));
    draft.put("body", Map.of("it", "Paga la rata entro la scadenza."));
    draft.put("validFrom", Instant.now().minusSeconds(60).toString());
    draft.put("validTo", LocalDate.of(2027, 2, 1).atStartOfDay(ROME).toInstant().toString());
    if (deadline != null) {
      draft.put("deadline", deadline.toString());
    }
    return draft;
  }
}

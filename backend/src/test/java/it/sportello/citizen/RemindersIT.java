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
    assertThat(subscription.emailVerified()).as("a typed address").isFalse();

    ServiceCalendar calendar = sla.calendar();
    Instant closeAt = sla.replyWindow(askedAt).closeAt();
    Instant remindAt = Reminders.workingDaysBefore(calendar, closeAt, 1);
    Instant due = calendar.isOpen(remindAt) ? remindAt : calendar.nextOpening(remindAt);
    assertThat(due).isBefore(closeAt);
    clock.pin(due);
    reminders.run();
    assertThat(sent(subscription.id())).as("nothing to an address not confirmed").isEmpty();
    confirm(fiscalCode, subscription.id(), "maria@example.it", "de");
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

  @Test
  void aTypedAddressIsConfirmedByTheTokenOfItsLinkOnlyByItsCitizen() {
    String fiscalCode = fiscalCode();
    Reminders.Subscription typed =
        reminders.subscribe(
            citizen(fiscalCode), Reminders.Kind.APPOINTMENT, null, "typed@example.it", "en");
    assertThat(typed.emailVerified()).isFalse();
    String token = confirmationToken(typed.id(), "typed@example.it", "en");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sportello.reminder_subscription where verification_token_hash = ?",
                Integer.class,
                token))
        .as("only the token's hash is stored")
        .isZero();

    for (String wrong : new String[] {token + "x", token.substring(1), "", "guess"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> reminders.confirm(citizen(fiscalCode), wrong))
          .isInstanceOf(it.sportello.shared.NotFoundException.class);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> reminders.confirm(citizen(fiscalCode()), token))
        .as("another citizen cannot confirm it")
        .isInstanceOf(it.sportello.shared.NotFoundException.class);
    assertThat(reminders.confirm(citizen(fiscalCode), token)).isEqualTo("typed@example.it");
    assertThat(reminders.subscriptions(fiscalCode).get(0).emailVerified()).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> reminders.confirm(citizen(fiscalCode), token))
        .as("a link works once")
        .isInstanceOf(it.sportello.shared.NotFoundException.class);

    Reminders.Subscription sameAddress =
        reminders.subscribe(
            citizen(fiscalCode), Reminders.Kind.ANSWER_DUE, null, "Typed@example.it", "en");
    assertThat(sameAddress.emailVerified()).as("an address the citizen confirmed").isTrue();
    Reminders.Subscription identity =
        reminders.subscribe(citizen(fiscalCode()), Reminders.Kind.ANSWER_DUE, null, null, "it");
    assertThat(identity.emailVerified()).as("the e-mail claim of the identity").isTrue();
  }

  @Test
  void anAppointmentIsRemindedOnceTheWorkingDayBeforeInTheCalendarsZone() throws Exception {
    String fiscalCode = fiscalCode();
    Map<String, Object> request = ticketRequest(fiscalCode, "Richiamata concordata");
    request.put(
        "requester",
        Map.of(
            "fiscalCode", fiscalCode,
            "name", "Maria Bianchi",
            "email", "maria.bianchi@example.it",
            "phone", "+39 333 765 4321"));
    ResponseEntity<JsonNode> opened = post("/api/tickets", "api-client", request);
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = opened.getBody().get("number").asText();

    // Monday 11 January 2027: an operator agrees the call for Wednesday 13 at 15:00 in Rome
    clock.pin(LocalDateTime.of(2027, 1, 11, 10, 0).atZone(ROME).toInstant());
    Instant appointment = LocalDateTime.of(2027, 1, 13, 15, 0).atZone(ROME).toInstant();
    JsonNode slots = get("/api/phone/callbacks/slots", "operator2").getBody().get("slots");
    List<Instant> offered = new ArrayList<>();
    slots.forEach(slot -> offered.add(Instant.parse(slot.asText())));
    assertThat(offered).contains(appointment);
    assertThat(offered)
        .as("none outside the opening hours (Sunday, or 21:00 in Rome)")
        .doesNotContain(
            LocalDateTime.of(2027, 1, 17, 10, 0).atZone(ROME).toInstant(),
            LocalDateTime.of(2027, 1, 13, 21, 0).atZone(ROME).toInstant());
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("ticketNumber", number);
    start.put("appointmentAt", appointment.toString());
    ResponseEntity<JsonNode> started = post("/api/phone/callbacks", "operator2", start);
    assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.CREATED);
    start.put(
        "appointmentAt", LocalDateTime.of(2027, 1, 13, 21, 0).atZone(ROME).toInstant().toString());
    assertThat(post("/api/phone/callbacks", "operator2", start).getStatusCode())
        .as("a time outside the slots")
        .isEqualTo(HttpStatus.BAD_REQUEST);

    Reminders.Subscription subscription =
        reminders.subscribe(citizen(fiscalCode), Reminders.Kind.APPOINTMENT, null, null, "fr");
    assertThat(subscription.emailVerified()).isTrue();

    // Monday afternoon: too early
    clock.pin(LocalDateTime.of(2027, 1, 11, 16, 0).atZone(ROME).toInstant());
    reminders.run();
    assertThat(sent(subscription.id())).isEmpty();

    // Tuesday 12 at the opening, twice: one reminder, in French, at 15:00 (Rome), not 14:00 (UTC)
    clock.pin(LocalDateTime.of(2027, 1, 12, 8, 0).atZone(ROME).toInstant());
    reminders.run();
    reminders.run();
    clock.pin(LocalDateTime.of(2027, 1, 13, 9, 0).atZone(ROME).toInstant());
    reminders.run();
    List<Map<String, Object>> outbox = sent(subscription.id());
    assertThat(outbox).hasSize(1);
    assertThat(outbox.get(0).get("template")).isEqualTo(Reminders.APPOINTMENT_TEMPLATE);
    assertThat(outbox.get(0).get("language")).isEqualTo("fr");
    assertThat(outbox.get(0).get("recipient")).isEqualTo("cittadino@example.it");
    JsonNode payload = json.readTree(outbox.get(0).get("payload").toString());
    assertThat(payload.get("number").asText()).isEqualTo(number);
    assertThat(payload.get("appointment").asText()).isEqualTo("13 janvier 2027 15:00");
  }

  /** Confirms the address with the token of the link in the confirmation mail. */
  private void confirm(String fiscalCode, long subscriptionId, String email, String language) {
    String token = confirmationToken(subscriptionId, email, language);
    assertThat(reminders.confirm(citizen(fiscalCode), token)).isEqualTo(email);
  }

  private String confirmationToken(long subscriptionId, String email, String language) {
    Map<String, Object> mail =
        jdbc.queryForMap(
            "select recipient, language, payload ->> 'link' as link from sportello.notification_outbox"
                + " where dedup_key like ? and template = ?",
            "reminder-confirm:" + subscriptionId + ":%",
            Reminders.CONFIRM_EMAIL_TEMPLATE);
    assertThat(mail.get("recipient")).isEqualTo(email);
    assertThat(mail.get("language")).isEqualTo(language);
    String link = (String) mail.get("link");
    assertThat(link).contains("/self-service/area?confirmEmail=");
    String token = link.replaceAll(".*confirmEmail=([^&]+).*", "$1");
    assertThat(token).as("256 random bits").hasSizeGreaterThanOrEqualTo(43);
    return token;
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

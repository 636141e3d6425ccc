package it.sportello.survey;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.contact.Contact;
import it.sportello.contact.ContactRegistry;
import it.sportello.notification.Notification.RecipientKind;
import it.sportello.notification.NotificationRequest;
import it.sportello.notification.Notifications;
import it.sportello.shared.ConflictException;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import it.sportello.ticket.TicketClosed;
import it.sportello.ticket.domain.Ticket;
import it.sportello.ticket.domain.TicketEvent;
import it.sportello.ticket.domain.TicketEventKind;
import it.sportello.ticket.domain.TicketRepository;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The satisfaction survey after a contact: a closed ticket starts {@code satisfaction-survey} (when
 * the survey is on for its channel); the process sends the requester a personal link in their
 * language (unless they opted out), takes the answer once, and lets the invitation expire
 * unanswered. Every step is safe to run again (a retried job).
 */
@Service
public class SatisfactionSurveys {

  /** The mail template of the invitation (mail/templates/*.properties). */
  public static final String TEMPLATE = "SURVEY_INVITATION";

  private static final String CAMPAIGN = "CAMPAIGN";

  /** The channels of a call: their requesters may get the link by SMS when they have no address. */
  private static final Set<String> PHONE_CHANNELS = Set.of("PHONE", "VOICEMAIL");

  private static final SecureRandom RANDOM = new SecureRandom();

  /** An invitation as the public page shows it (no personal data). */
  public record PublicSurvey(
      String status, String language, JsonNode schema, String questionnaireTitle) {}

  private record Invitation(
      long id,
      String purpose,
      long questionnaireId,
      int version,
      Long contactId,
      String language,
      String status,
      Instant expiresAt) {}

  private final JdbcClient jdbc;
  private final TicketRepository tickets;
  private final ContactRegistry contacts;
  private final Notifications notifications;
  private final Questionnaires questionnaires;
  private final DoNotContact doNotContact;
  private final SurveyProcessPort process;
  private final Campaigns campaigns;
  private final SurveyProperties properties;
  private final Clock clock;
  private final ObjectProvider<InChatSurveys> chat;

  SatisfactionSurveys(
      JdbcClient jdbc,
      TicketRepository tickets,
      ContactRegistry contacts,
      Notifications notifications,
      Questionnaires questionnaires,
      DoNotContact doNotContact,
      SurveyProcessPort process,
      Campaigns campaigns,
      SurveyProperties properties,
      Clock clock,
      ObjectProvider<InChatSurveys> chat) {
    this.jdbc = jdbc;
    this.tickets = tickets;
    this.contacts = contacts;
    this.notifications = notifications;
    this.questionnaires = questionnaires;
    this.doNotContact = doNotContact;
    this.process = process;
    this.campaigns = campaigns;
    this.properties = properties;
    this.clock = clock;
    this.chat = chat;
  }

  // ---------------------------------------------------------------------------------------------
  // settings

  @Transactional(readOnly = true)
  public SatisfactionSettings settings() {
    return jdbc.sql("select * from sportello.satisfaction_setting where id = 1")
        .query(
            (rs, row) ->
                new SatisfactionSettings(
                    rs.getBoolean("enabled"),
                    (Long) rs.getObject("questionnaire_id"),
                    Arrays.stream(rs.getString("channels").split(","))
                        .filter(s -> !s.isBlank())
                        .toList(),
                    rs.getString("score_key"),
                    rs.getInt("low_score_threshold"),
                    rs.getInt("answer_within_days"),
                    rs.getString("updated_by"),
                    rs.getTimestamp("updated_at").toInstant()))
        .single();
  }

  /** Changes the settings; the questionnaire must have the score question. */
  @Transactional
  public SatisfactionSettings update(
      SatisfactionSettings wanted, Set<String> knownChannels, String actor) {
    List<FieldViolation> violations = new ArrayList<>();
    if (wanted.questionnaireId() == null) {
      violations.add(new FieldViolation("questionnaireId", "is required"));
    } else {
      var summary = questionnaires.summary(wanted.questionnaireId());
      if (summary.isEmpty()) {
        violations.add(new FieldViolation("questionnaireId", "no such questionnaire"));
      } else if (questionnaires
          .version(summary.get().id(), summary.get().currentVersion())
          .questions()
          .stream()
          .noneMatch(q -> q.key().equals(wanted.scoreKey()))) {
        violations.add(
            new FieldViolation("scoreKey", "the questionnaire has no question with this key"));
      }
    }
    if (wanted.channels() == null || !knownChannels.containsAll(wanted.channels())) {
      violations.add(new FieldViolation("channels", "must be channels among " + knownChannels));
    }
    if (wanted.lowScoreThreshold() < 0 || wanted.lowScoreThreshold() > 10) {
      violations.add(new FieldViolation("lowScoreThreshold", "must be from 0 to 10"));
    }
    if (wanted.answerWithinDays() < 1 || wanted.answerWithinDays() > 90) {
      violations.add(new FieldViolation("answerWithinDays", "must be from 1 to 90"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    jdbc.sql(
            """
            update sportello.satisfaction_setting set enabled = ?, questionnaire_id = ?, channels = ?,
                score_key = ?, low_score_threshold = ?, answer_within_days = ?, updated_by = ?,
                updated_at = ?
            where id = 1""")
        .params(
            wanted.enabled(),
            wanted.questionnaireId(),
            String.join(",", wanted.channels()),
            wanted.scoreKey(),
            wanted.lowScoreThreshold(),
            wanted.answerWithinDays(),
            actor,
            Timestamp.from(clock.instant()))
        .update();
    return settings();
  }

  // ---------------------------------------------------------------------------------------------
  // the process's steps

  /** A ticket closed as solved: start the survey if it is on for the ticket's channel. */
  @EventListener
  void ticketClosed(TicketClosed closed) {
    SatisfactionSettings settings = settings();
    if (!settings.enabled() || settings.questionnaireId() == null) {
      return;
    }
    Ticket ticket = tickets.getByNumber(closed.number());
    if (!settings.channels().contains(ticket.getChannel().name())) {
      return;
    }
    process.start(ticket.getNumber(), Duration.ofDays(settings.answerWithinDays()));
  }

  /**
   * Invites the requester of a closed ticket: an invitation with a new token and the mail with the
   * link, in one transaction; nothing is sent to an address or contact on the do-not-contact list
   * or without an e-mail address. Run again, it finds the ticket's invitation.
   *
   * @return the invitation's id when the mail was queued
   */
  @Transactional
  public Optional<Long> invite(String ticketNumber) {
    Ticket ticket = tickets.getByNumber(ticketNumber);
    Optional<Long> existing =
        jdbc.sql(
                "select id from sportello.survey_invitation where ticket_id = ? and purpose ="
                    + " 'SATISFACTION' and status <> 'OPTED_OUT'")
            .param(ticket.getId())
            .query(Long.class)
            .optional();
    if (existing.isPresent()) {
      return existing;
    }
    SatisfactionSettings settings = settings();
    if (settings.questionnaireId() == null) {
      return Optional.empty();
    }
    Contact requester = contacts.get(ticket.getRequesterId());
    String address = requester.getEmail();
    // a contact that ended in a live chat gets the questionnaire there, without an address
    boolean inChat = endedInChat(ticket.getNumber());
    boolean hasAddress = address != null && !address.isBlank();
    // a call's requester with a mobile number and no address gets the link by SMS
    String mobile = !inChat && !hasAddress && byPhone(ticket) ? requester.getPhone() : null;
    if (!inChat && !hasAddress && (mobile == null || mobile.isBlank())) {
      return Optional.empty();
    }
    var questionnaire = questionnaires.summary(settings.questionnaireId()).orElseThrow();
    String language = language(ticket, requester);
    boolean optedOut = doNotContact.optedOut(hasAddress ? address : mobile, requester.getId());
    String token = newToken();
    Instant now = clock.instant();
    long id =
        jdbc.sql(
                """
                insert into sportello.survey_invitation (purpose, token_hash, questionnaire_id,
                    questionnaire_version, legal_basis, ticket_id, ticket_number, contact_id,
                    language, channel, queue, operator, status, created_at, expires_at)
                values ('SATISFACTION', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (ticket_id) where purpose = 'SATISFACTION' do update set status = excluded.status, token_hash = excluded.token_hash
                returning id""")
            .params(
                DoNotContact.sha256(token),
                questionnaire.id(),
                questionnaire.currentVersion(),
                questionnaire.legalBasis().name(),
                ticket.getId(),
                ticket.getNumber(),
                requester.getId(),
                language,
                ticket.getChannel().name(),
                ticket.getQueue(),
                operator(ticket),
                optedOut ? "OPTED_OUT" : "SENT",
                Timestamp.from(now),
                Timestamp.from(now.plus(Duration.ofDays(settings.answerWithinDays()))))
            .query(Long.class)
            .single();
    if (optedOut) {
      return Optional.empty();
    }
    if (inChat) {
      return Optional.of(id);
    }
    Map<String, String> payload = new LinkedHashMap<>();
    payload.put("number", ticket.getNumber());
    payload.put("subject", ticket.getSubject());
    payload.put("surveyLink", properties.link(token, language));
    payload.put(
        "unsubscribeLink",
        properties.link(token, language) + (language.equals("it") ? "?" : "&") + "unsubscribe=1");
    notifications.queue(
        new NotificationRequest(
            "survey:" + id,
            ticket.getId(),
            RecipientKind.REQUESTER,
            hasAddress ? address : mobile,
            hasAddress ? "EMAIL" : "SMS",
            TEMPLATE,
            language,
            payload));
    return Optional.of(id);
  }

  /** No answer in time: the link stops working. */
  @Transactional
  public void expire(long invitationId) {
    jdbc.sql(
            "update sportello.survey_invitation set status = 'EXPIRED' where id = ? and status = 'SENT'")
        .param(invitationId)
        .update();
  }

  /** The supervisor followed up a low score. */
  @Transactional
  public void recordFollowUp(long invitationId, String outcome, String note, String actor) {
    jdbc.sql(
            """
            update sportello.survey_invitation set follow_up_outcome = ?, follow_up_note = ?,
                followed_up_by = ?, followed_up_at = ?
            where id = ?""")
        .params(outcome, note, actor, Timestamp.from(clock.instant()), invitationId)
        .update();
  }

  // ---------------------------------------------------------------------------------------------
  // the requester's page

  /** The questionnaire behind a link, in the language asked for (else the invitation's). */
  @Transactional(readOnly = true)
  public PublicSurvey show(String token, String language) {
    return show(byToken(token, false), language);
  }

  private PublicSurvey show(Invitation invitation, String language) {
    var version = questionnaires.version(invitation.questionnaireId(), invitation.version());
    String shown =
        language != null && QuestionnaireSchemas.LANGUAGES.contains(language)
            ? language
            : invitation.language();
    String title =
        questionnaires
            .summary(invitation.questionnaireId())
            .map(Questionnaires.QuestionnaireSummary::title)
            .orElse("");
    return new PublicSurvey(status(invitation), shown, version.schema(shown), title);
  }

  /**
   * Records the answer once: a second answer, or one after the period, is refused; the process is
   * told, in the same transaction.
   *
   * @throws ConflictException 409 when already answered, 410 when expired
   */
  @Transactional
  public void answer(String token, JsonNode answers) {
    answer(byToken(token, true), answers);
  }

  /**
   * The survey of a ticket that ended in a live chat, as the chat's widget shows it: {@code NONE}
   * (the survey is off for the channel, or the requester opted out), {@code PENDING} (the
   * invitation is being made), else the invitation's status with the questionnaire.
   */
  @Transactional(readOnly = true)
  public PublicSurvey inChat(String ticketNumber, String language) {
    Optional<Invitation> invitation = byTicket(ticketNumber, false);
    if (invitation.isEmpty()) {
      SatisfactionSettings settings = settings();
      boolean on =
          settings.enabled()
              && settings.questionnaireId() != null
              && settings
                  .channels()
                  .contains(tickets.getByNumber(ticketNumber).getChannel().name());
      return new PublicSurvey(on ? "PENDING" : "NONE", language, null, null);
    }
    if ("OPTED_OUT".equals(invitation.get().status())) {
      return new PublicSurvey("NONE", language, null, null);
    }
    return show(invitation.get(), language);
  }

  /**
   * The answer given in the chat's widget, once, as through a link.
   *
   * @throws NotFoundException when the ticket has no survey to answer
   */
  @Transactional
  public void answerInChat(String ticketNumber, JsonNode answers) {
    answer(
        byTicket(ticketNumber, true)
            .orElseThrow(() -> new NotFoundException("No questionnaire for this chat.")),
        answers);
  }

  private void answer(Invitation invitation, JsonNode answers) {
    switch (status(invitation)) {
      case "ANSWERED" ->
          throw new ConflictException(409, "This questionnaire was already answered.");
      case "EXPIRED" -> throw new ConflictException(410, "This questionnaire is closed.");
      case "OPTED_OUT" -> throw new NotFoundException("No such questionnaire.");
      default -> {}
    }
    var version = questionnaires.version(invitation.questionnaireId(), invitation.version());
    Map<String, List<String>> rows = QuestionnaireSchemas.answers(version.questions(), answers);
    for (var entry : rows.entrySet()) {
      int ordinal = 0;
      for (String value : entry.getValue()) {
        jdbc.sql(
                """
                insert into sportello.survey_answer (invitation_id, question_key, ordinal, value,
                    questionnaire_id, questionnaire_version)
                values (?, ?, ?, ?, ?, ?)""")
            .params(
                invitation.id(),
                entry.getKey(),
                ordinal++,
                value,
                invitation.questionnaireId(),
                invitation.version())
            .update();
      }
    }
    Instant answeredAt = clock.instant();
    if (CAMPAIGN.equals(invitation.purpose())) {
      jdbc.sql(
              "update sportello.survey_invitation set status = 'ANSWERED', answered_at = ? where id = ?")
          .params(Timestamp.from(answeredAt), invitation.id())
          .update();
      campaigns.answered(invitation.id(), answeredAt);
      return;
    }
    SatisfactionSettings settings = settings();
    Integer score = QuestionnaireSchemas.score(rows, settings.scoreKey());
    boolean low = score != null && score <= settings.lowScoreThreshold();
    Instant now = clock.instant();
    jdbc.sql(
            """
            update sportello.survey_invitation set status = 'ANSWERED', answered_at = ?, score = ?,
                low_score = ?
            where id = ?""")
        .params(Timestamp.from(now), score, low, invitation.id())
        .update();
    Duration within = properties.followUpWithin();
    process.answered(invitation.id(), low, now.plus(within), now.plus(within.dividedBy(2)));
  }

  /**
   * A digest of an answer to an invitation, as it would be recorded (rows per question, in the
   * questions' order), so that two payloads meaning the same answer have the same digest.
   *
   * @throws InvalidRequestException naming {@code answers.<key>} for each invalid answer
   */
  byte[] answerDigest(long invitationId, JsonNode answers) {
    Invitation invitation =
        jdbc.sql("select * from sportello.survey_invitation where id = ?")
            .param(invitationId)
            .query(SatisfactionSurveys::invitation)
            .single();
    var version = questionnaires.version(invitation.questionnaireId(), invitation.version());
    return DoNotContact.sha256(
        QuestionnaireSchemas.answers(version.questions(), answers).toString());
  }

  /** The link's "unsubscribe": no more surveys or campaigns to this address and contact. */
  @Transactional
  public void unsubscribe(String token) {
    Invitation invitation = byToken(token, false);
    String address =
        invitation.contactId() == null ? null : contacts.get(invitation.contactId()).getEmail();
    if (address == null && CAMPAIGN.equals(invitation.purpose())) {
      address = campaigns.addressOfInvitation(invitation.id()).orElse(null);
    }
    if (address == null && invitation.contactId() == null) {
      return;
    }
    doNotContact.optOut(
        address, invitation.contactId(), DoNotContact.Source.UNSUBSCRIBE_LINK, invitation.id());
  }

  private Invitation byToken(String token, boolean lock) {
    if (token == null || token.isBlank() || token.length() > 100) {
      throw new NotFoundException("No such questionnaire.");
    }
    return jdbc.sql(
            "select * from sportello.survey_invitation where token_hash = ? or reminder_token_hash = ?"
                + (lock ? " for update" : ""))
        .params(DoNotContact.sha256(token), DoNotContact.sha256(token))
        .query(SatisfactionSurveys::invitation)
        .optional()
        .orElseThrow(() -> new NotFoundException("No such questionnaire."));
  }

  private Optional<Invitation> byTicket(String ticketNumber, boolean lock) {
    return jdbc.sql(
            "select * from sportello.survey_invitation where ticket_number = ?"
                + " and purpose = 'SATISFACTION'"
                + (lock ? " for update" : ""))
        .param(ticketNumber)
        .query(SatisfactionSurveys::invitation)
        .optional();
  }

  private boolean endedInChat(String ticketNumber) {
    InChatSurveys surveys = chat.getIfAvailable();
    return surveys != null && surveys.endedInChat(ticketNumber);
  }

  private String status(Invitation invitation) {
    return invitation.status().equals("SENT") && !clock.instant().isBefore(invitation.expiresAt())
        ? "EXPIRED"
        : invitation.status();
  }

  private static Invitation invitation(ResultSet rs, int row) throws SQLException {
    return new Invitation(
        rs.getLong("id"),
        rs.getString("purpose"),
        rs.getLong("questionnaire_id"),
        rs.getInt("questionnaire_version"),
        (Long) rs.getObject("contact_id"),
        rs.getString("language"),
        rs.getString("status"),
        rs.getTimestamp("expires_at").toInstant());
  }

  /** A contact by phone: a call (answered or a voicemail) became or joined the ticket. */
  private static boolean byPhone(Ticket ticket) {
    return PHONE_CHANNELS.contains(ticket.getChannel().name());
  }

  private static String language(Ticket ticket, Contact requester) {
    String language = ticket.getLanguage();
    if (language == null || !QuestionnaireSchemas.LANGUAGES.contains(language)) {
      language = requester.getPreferredLanguage();
    }
    return language != null && QuestionnaireSchemas.LANGUAGES.contains(language) ? language : "it";
  }

  /** Who handled the ticket: whoever solved it, else whoever took it in charge. */
  private static String operator(Ticket ticket) {
    String solver = null;
    for (TicketEvent event : ticket.getEvents()) {
      if (event.getKind() == TicketEventKind.SOLVED && event.getActor() != null) {
        solver = event.getActor();
      }
    }
    return solver != null ? solver : ticket.getTakenInChargeBy();
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

package it.sportello.channel.web;

import it.sportello.contact.RequesterData;
import it.sportello.kb.Article;
import it.sportello.kb.Category;
import it.sportello.kb.CategoryTree;
import it.sportello.kb.KbUsage;
import it.sportello.kb.KnowledgeSearch;
import it.sportello.notification.Notification.RecipientKind;
import it.sportello.notification.NotificationRequest;
import it.sportello.notification.Notifications;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.ticket.application.OpenTicketCommand;
import it.sportello.ticket.application.TicketIntake;
import it.sportello.ticket.application.TicketLifecycle;
import it.sportello.ticket.domain.Channel;
import it.sportello.ticket.domain.Ticket;
import it.sportello.ticket.domain.TicketRepository;
import it.sportello.ticket.domain.TicketType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Citizens' requests from the public web form: checked (classification, challenge), opened as an
 * ordinary ticket on channel {@code WEB} with its context, answered with the ticket number and a
 * private tracking token (256 random bits; only its SHA-256 is stored), confirmed by e-mail through
 * the notification outbox (once per ticket: the dedup key).
 */
@Service
class WebRequests {

  /** Who opened the ticket, for its path: nobody signed in. */
  static final String CREATED_BY = "self-service";

  static final String RECEIPT_TEMPLATE = "WEB_REQUEST_RECEIVED";

  private static final int TOKEN_BYTES = 32;
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  private final TicketIntake intake;
  private final TicketRepository tickets;
  private final CategoryTree categories;
  private final FormChallenges challenges;
  private final UserAgents userAgents;
  private final Notifications notifications;
  private final KnowledgeSearch knowledge;
  private final KbUsage usage;
  private final JdbcClient jdbc;
  private final WebRequestProperties properties;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  WebRequests(
      TicketIntake intake,
      TicketRepository tickets,
      CategoryTree categories,
      FormChallenges challenges,
      UserAgents userAgents,
      Notifications notifications,
      KnowledgeSearch knowledge,
      KbUsage usage,
      JdbcClient jdbc,
      WebRequestProperties properties,
      Clock clock) {
    this.intake = intake;
    this.tickets = tickets;
    this.categories = categories;
    this.challenges = challenges;
    this.userAgents = userAgents;
    this.notifications = notifications;
    this.knowledge = knowledge;
    this.usage = usage;
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  enum AnswerChannel {
    EMAIL,
    PEC,
    PHONE
  }

  /** A form, already checked for shape by the web layer. */
  record Submission(
      String topic,
      String reason,
      String subject,
      String description,
      String language,
      AnswerChannel answerChannel,
      RequesterData requester,
      String page,
      String errorCode,
      String service,
      String userAgent,
      String challenge,
      Instant callbackAt) {}

  record Receipt(String number, String trackingToken) {}

  /**
   * Opens the ticket; nothing is stored when a check fails.
   *
   * @throws InvalidRequestException naming the fields (classification, challenge)
   */
  @Transactional
  public Receipt submit(Submission form) {
    checkClassification(form.topic(), form.reason());
    challenges.spend(form.challenge());
    UserAgents.Described agent = userAgents.describe(form.userAgent());
    Map<String, String> context = new LinkedHashMap<>();
    put(context, "page", form.page());
    put(context, "errorCode", form.errorCode());
    put(context, "service", form.service());
    put(context, "language", form.language());
    put(context, "browser", agent.browser());
    put(context, "os", agent.os());
    put(context, "answerChannel", form.answerChannel().name());
    if (form.callbackAt() != null) {
      put(context, TicketLifecycle.CALLBACK_AT, form.callbackAt().toString());
    }
    Ticket ticket =
        intake
            .openDeclared(
                new OpenTicketCommand(
                    Channel.WEB,
                    TicketType.Q,
                    form.subject(),
                    form.description(),
                    form.language(),
                    form.requester(),
                    form.topic(),
                    form.reason(),
                    context,
                    null,
                    null),
                CREATED_BY)
            .ticket();
    byte[] secret = new byte[TOKEN_BYTES];
    random.nextBytes(secret);
    String token = BASE64.encodeToString(secret);
    jdbc.sql(
            "insert into sportello.web_request (ticket_id, token_hash, answer_channel, created_at)"
                + " values (?, ?, ?, ?)")
        .params(
            ticket.getId(),
            hash(token),
            form.answerChannel().name(),
            Timestamp.from(clock.instant()))
        .update();
    if (form.requester().email() != null) {
      notifications.queue(
          new NotificationRequest(
              ticket.getNumber() + ":" + RECEIPT_TEMPLATE,
              ticket.getId(),
              RecipientKind.REQUESTER,
              form.requester().email(),
              "EMAIL",
              RECEIPT_TEMPLATE,
              form.language(),
              Map.of(
                  "number",
                  ticket.getNumber(),
                  "subject",
                  ticket.getSubject(),
                  "trackingLink",
                  trackingLink(token, form.language()))));
    }
    return new Receipt(ticket.getNumber(), token);
  }

  /**
   * The ticket a tracking token stands for. The lookup is by the token's SHA-256 through a unique
   * index: how long it takes says nothing about how close a guess was.
   */
  @Transactional(readOnly = true)
  public Optional<Ticket> byToken(String token) {
    if (token == null || token.length() < 20 || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc.sql("select ticket_id from sportello.web_request where token_hash = ?")
        .param(hash(token))
        .query(Long.class)
        .optional()
        .flatMap(tickets::findById);
  }

  /**
   * "This article solved my problem": a contact avoided, counted in the KB usage report.
   *
   * @throws it.sportello.shared.NotFoundException unless the article is public and published
   */
  public void deflected(long articleId, String subject) {
    Article article = knowledge.read(articleId, List.of());
    usage.deflected(article, subject);
  }

  /** The tracking page's address; in a language other than Italian it opens in that language. */
  String trackingLink(String token, String language) {
    String base = properties.publicBaseUrl();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
        + "/self-service/requests/"
        + token
        + (language == null || language.equals("it") ? "" : "?lang=" + language);
  }

  private void checkClassification(String topicCode, String reasonCode) {
    List<FieldViolation> violations = new ArrayList<>();
    Optional<Category> topic = topicCode == null ? Optional.empty() : categories.byCode(topicCode);
    if (topic.isEmpty() || topic.get().depth() != 1) {
      violations.add(new FieldViolation("topic", "must be a topic of the classification tree"));
    } else {
      Optional<Category> reason =
          reasonCode == null ? Optional.empty() : categories.byCode(reasonCode);
      if (reason.isEmpty() || !Long.valueOf(topic.get().id()).equals(reason.get().parentId())) {
        violations.add(
            new FieldViolation("reason", "must be a reason under topic '" + topicCode + "'"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  private static void put(Map<String, String> context, String key, String value) {
    if (value != null && !value.isBlank()) {
      context.put(key, value.strip());
    }
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

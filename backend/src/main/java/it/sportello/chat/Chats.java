package it.sportello.chat;

import it.sportello.chat.ChatMessage.AuthorKind;
import it.sportello.chat.ChatMessage.CitedArticle;
import it.sportello.chat.Conversation.HandOff;
import it.sportello.chat.Conversation.Outcome;
import it.sportello.chat.Conversation.Status;
import it.sportello.contact.Contact;
import it.sportello.contact.ContactRegistry;
import it.sportello.contact.RequesterData;
import it.sportello.document.Documents;
import it.sportello.document.OwnerKind;
import it.sportello.document.StoredDocument;
import it.sportello.shared.ConflictException;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.ForbiddenException;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.TextTemplates;
import it.sportello.sla.SlaService;
import it.sportello.ticket.application.OpenTicketCommand;
import it.sportello.ticket.application.TicketIntake;
import it.sportello.ticket.domain.Channel;
import it.sportello.ticket.domain.Ticket;
import it.sportello.ticket.domain.TicketType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chat's use cases: a citizen starts a chat (a private token, only its SHA-256 stored), accepts
 * the privacy notice, writes; the bot answers with public knowledge-base articles and asks whether
 * they helped; on request, after two unhelpful answers, the chat queues for an operator (only
 * within the service calendar's hours, else the web request form is offered); an operator takes it
 * (up to {@link ChatProperties#maxChatsPerOperator()} at once), answers, and closes it with a
 * solution or opens a ticket to continue offline. Every ending but abandonment records a ticket
 * with the transcript attached; the ticket's intake records the interaction on the contact's
 * history.
 */
@Service
public class Chats {

  /** The bundle of the chat's texts (templates/chat/*.properties). */
  static final String TEXTS = "chat";

  /** Who the bot is in transcripts and on the tickets it records. */
  public static final String BOT = "chatbot";

  static final Set<String> LANGUAGES = Set.of("it", "en", "de", "fr");

  private static final int TOKEN_BYTES = 32;
  private static final int MAX_TEXT = 2000;
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

  private final ChatStore store;
  private final ChatBot bot;
  private final ContactRegistry contacts;
  private final TicketIntake intake;
  private final Documents documents;
  private final TextTemplates texts;
  private final SlaService sla;
  private final ChatProperties properties;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  Chats(
      ChatStore store,
      ChatBot bot,
      ContactRegistry contacts,
      TicketIntake intake,
      Documents documents,
      TextTemplates texts,
      SlaService sla,
      ChatProperties properties,
      Clock clock) {
    this.store = store;
    this.bot = bot;
    this.contacts = contacts;
    this.intake = intake;
    this.documents = documents;
    this.texts = texts;
    this.sla = sla;
    this.properties = properties;
    this.clock = clock;
  }

  /** A new chat and the token the citizen's widget keeps (never stored: only its hash). */
  public record Started(String token, Conversation conversation) {}

  /** Whether operators answer now (the service calendar's hours) and where the request form is. */
  public record Availability(boolean operatorsAvailable, String requestFormPath) {}

  @Transactional
  public Started start(String language, String page) {
    String lang = language == null || !LANGUAGES.contains(language) ? "it" : language;
    byte[] secret = new byte[TOKEN_BYTES];
    random.nextBytes(secret);
    String token = BASE64.encodeToString(secret);
    Instant now = clock.instant();
    long id = store.create(hash(token), lang, page == null ? null : cut(page, 500), now);
    store.participant(id, AuthorKind.BOT, BOT, now);
    store.append(id, AuthorKind.BOT, BOT, text("bot.welcome", lang, Map.of()), List.of(), now);
    return new Started(token, store.find(id).orElseThrow());
  }

  /**
   * The chat a token stands for, looked up by the token's SHA-256 through a unique index.
   *
   * @throws NotFoundException for an unknown or malformed token (the same answer for both)
   */
  @Transactional(readOnly = true)
  public Conversation byToken(String token) {
    if (token == null || token.length() < 20 || token.length() > 100) {
      throw new NotFoundException("No such chat");
    }
    return store.byTokenHash(hash(token)).orElseThrow(() -> new NotFoundException("No such chat"));
  }

  @Transactional(readOnly = true)
  public Conversation get(long id) {
    return store.find(id).orElseThrow(() -> new NotFoundException("No chat " + id));
  }

  public Availability availability() {
    return new Availability(sla.calendar().isOpen(clock.instant()), properties.requestFormPath());
  }

  /** The place of a queued chat in the queue (1 is next), else 0. */
  @Transactional(readOnly = true)
  public int position(Conversation conversation) {
    return conversation.status() == Status.QUEUED ? store.position(conversation) : 0;
  }

  @Transactional(readOnly = true)
  public List<ChatMessage> messagesAfter(long id, long seq) {
    return store.after(id, Math.max(0, seq));
  }

  /**
   * The citizen accepted the privacy notice, optionally saying who they are (declared, not proven:
   * never joined to a contact by e-mail).
   */
  @Transactional
  public Conversation acceptPrivacy(long id, String name, String email, String fiscalCode) {
    Conversation conversation = open(id);
    RequesterData data = new RequesterData(name, fiscalCode, null, email, null);
    List<FieldViolation> violations = new ArrayList<>();
    if (data.name() != null && data.name().length() > 200) {
      violations.add(new FieldViolation("name", "at most 200 characters"));
    }
    if (data.email() != null && (data.email().length() > 320 || !data.email().contains("@"))) {
      violations.add(new FieldViolation("email", "must be an e-mail address"));
    }
    if (data.fiscalCode() != null && !data.fiscalCode().matches("[A-Z0-9]{16}|[0-9]{11}")) {
      violations.add(new FieldViolation("fiscalCode", "must be a fiscal code"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    if (!conversation.privacyAccepted()) {
      store.acceptPrivacy(id, data.name(), data.email(), data.fiscalCode(), clock.instant());
      store.changed(id);
    }
    return get(id);
  }

  /** The citizen wrote: stored, then answered by the bot while the bot has the chat. */
  @Transactional
  public void citizenSays(long id, String text) {
    Conversation conversation = open(id);
    String body = message(text);
    if (!conversation.privacyAccepted()) {
      throw new InvalidRequestException("privacy", "the privacy notice must be accepted first");
    }
    Instant now = clock.instant();
    store.append(id, AuthorKind.CITIZEN, null, body, List.of(), now);
    if (conversation.status() != Status.BOT) {
      return;
    }
    String word = body.strip().toLowerCase(Locale.ROOT).replaceAll("[.!?]+$", "");
    if (words("words.operator", conversation.language()).contains(word)) {
      handOff(conversation, HandOff.REQUESTED);
    } else if (conversation.awaitingFeedback()
        && words("words.yes", conversation.language()).contains(word)) {
      feedback(id, true);
    } else if (conversation.awaitingFeedback()
        && words("words.no", conversation.language()).contains(word)) {
      feedback(id, false);
    } else {
      answer(conversation, body);
    }
  }

  /** The citizen's answer to "did this answer your question?". */
  @Transactional
  public void feedback(long id, boolean answered) {
    Conversation conversation = open(id);
    if (conversation.status() != Status.BOT || !conversation.awaitingFeedback()) {
      throw new ConflictException(409, "The bot asked no question in chat " + id);
    }
    String lang = conversation.language();
    Instant now = clock.instant();
    if (answered) {
      store.append(id, AuthorKind.BOT, BOT, text("bot.thanks", lang, Map.of()), List.of(), now);
      List<String> cited =
          store.after(id, 0).stream()
              .flatMap(message -> message.articles().stream())
              .map(CitedArticle::title)
              .distinct()
              .toList();
      String answer = text("ticket.botAnswer", lang, Map.of("articles", String.join("; ", cited)));
      Ticket ticket = record(conversation, Channel.CHATBOT, TicketType.B, BOT, answer);
      store.close(id, Outcome.BOT_SOLVED, ticket.getNumber(), ticket.getRequesterId(), now);
      store.changed(id);
      return;
    }
    int unhelpful = conversation.unhelpfulAnswers() + 1;
    store.feedbackState(id, false, unhelpful);
    if (unhelpful >= 2) {
      handOff(get(id), HandOff.NOT_HELPED);
    } else {
      store.append(id, AuthorKind.BOT, BOT, text("bot.rephrase", lang, Map.of()), List.of(), now);
    }
  }

  /** The citizen asked for an operator (the widget's button). */
  @Transactional
  public void askOperator(long id) {
    Conversation conversation = open(id);
    if (!conversation.privacyAccepted()) {
      throw new InvalidRequestException("privacy", "the privacy notice must be accepted first");
    }
    if (conversation.status() == Status.BOT) {
      handOff(conversation, HandOff.REQUESTED);
    }
  }

  /** The citizen left: a queued chat was abandoned; one with an operator stays with them. */
  @Transactional
  public void leave(long id) {
    Conversation conversation = store.lock(id).orElseThrow(() -> new NotFoundException("chat"));
    if (conversation.status() == Status.CLOSED) {
      return;
    }
    Instant now = clock.instant();
    store.append(
        id,
        AuthorKind.SYSTEM,
        null,
        text("system.left", conversation.language(), Map.of()),
        List.of(),
        now);
    if (conversation.status() != Status.ACTIVE) {
      store.close(id, Outcome.ABANDONED, null, null, now);
      store.changed(id);
      queueChanged();
    }
  }

  // --- operators ---

  /** A chat waiting for an operator and its place in the queue. */
  public record Waiting(Conversation conversation, int position) {}

  /**
   * The chats waiting in the queues an operator answers (the queues whose groups they belong to),
   * each with its place in its own queue.
   */
  @Transactional(readOnly = true)
  public List<Waiting> waiting(Collection<String> queues) {
    Map<String, Integer> places = new java.util.HashMap<>();
    List<Waiting> waiting = new ArrayList<>();
    for (ChatStore.QueuedChat queued : store.queuedIn(queues)) {
      waiting.add(
          new Waiting(queued.conversation(), places.merge(queued.queue(), 1, Integer::sum)));
    }
    return waiting;
  }

  @Transactional(readOnly = true)
  public List<Conversation> handledBy(String operator) {
    return store.activeOf(operator);
  }

  public int maxChatsPerOperator() {
    return properties.maxChatsPerOperator();
  }

  /**
   * The operator takes a queued chat.
   *
   * @throws ConflictException 409 when the operator already handles their limit of chats, or the
   *     chat is no longer waiting
   */
  @Transactional
  public Conversation take(long id, String operator, Collection<String> queues) {
    Conversation queued = store.lock(id).orElseThrow(() -> new NotFoundException("No chat " + id));
    if (queued.status() == Status.QUEUED) {
      String queue = store.queueOf(queued);
      if (!queues.contains(queue)) {
        throw new ForbiddenException(
            "Chat " + id + " waits for the operators of queue " + queue + ".");
      }
    }
    if (store.activeOf(operator).size() >= properties.maxChatsPerOperator()) {
      throw new ConflictException(
          409,
          "You already handle "
              + properties.maxChatsPerOperator()
              + " chats, the most one operator handles at once.");
    }
    Instant now = clock.instant();
    if (!store.assign(id, operator, now)) {
      throw new ConflictException(409, "Chat " + id + " is no longer waiting.");
    }
    Conversation conversation = get(id);
    store.append(
        id,
        AuthorKind.SYSTEM,
        null,
        text("system.joined", conversation.language(), Map.of()),
        List.of(),
        now);
    queueChanged();
    return get(id);
  }

  @Transactional
  public void operatorSays(long id, String operator, String text) {
    Conversation conversation = store.lockHandledBy(id, operator);
    store.append(conversation.id(), AuthorKind.OPERATOR, operator, message(text), List.of(), now());
  }

  /**
   * Closes the chat with a solution: a ticket on channel {@code CHAT}, solved at level 1 by the
   * operator with {@code solution} as its answer, the transcript attached.
   */
  @Transactional
  public Conversation solve(long id, String operator, String solution) {
    Conversation conversation = store.lockHandledBy(id, operator);
    if (solution == null || solution.isBlank()) {
      throw new InvalidRequestException("solution", "must not be blank");
    }
    Ticket ticket =
        record(conversation, Channel.CHAT, TicketType.Q, operator, cut(solution.strip(), 4000));
    finish(conversation, Outcome.SOLVED, ticket, "system.solved");
    return get(id);
  }

  /** Closes the chat and opens a ticket on channel {@code CHAT} to continue offline. */
  @Transactional
  public Conversation continueAsTicket(long id, String operator) {
    Conversation conversation = store.lockHandledBy(id, operator);
    Ticket ticket = record(conversation, Channel.CHAT, TicketType.Q, operator, null);
    finish(conversation, Outcome.TICKET, ticket, "system.ticket");
    return get(id);
  }

  /** The transcript as plain text (attached to the chat's ticket). */
  @Transactional(readOnly = true)
  public String transcript(long id) {
    Conversation conversation = get(id);
    ZoneId zone = sla.calendar().zone();
    StringBuilder text = new StringBuilder();
    text.append("Chat ").append(id).append('\n');
    for (ChatMessage message : store.after(id, 0)) {
      text.append('[')
          .append(TIME.format(message.sentAt().atZone(zone)))
          .append("] ")
          .append(authorOf(message, conversation))
          .append(": ")
          .append(message.body())
          .append('\n');
      for (CitedArticle article : message.articles()) {
        text.append("    - ")
            .append(article.title())
            .append(" (")
            .append(article.url())
            .append(")\n");
      }
    }
    return text.toString();
  }

  /**
   * The contact whose history the operator may open: the chat's ticket's requester, else the
   * contact of the fiscal code the citizen declared (not proven).
   */
  @Transactional(readOnly = true)
  public Optional<Long> contactOf(Conversation conversation) {
    if (conversation.contactId() != null) {
      return Optional.of(conversation.contactId());
    }
    if (conversation.requesterFiscalCode() == null) {
      return Optional.empty();
    }
    return contacts
        .find(new RequesterData(null, conversation.requesterFiscalCode(), null, null, null))
        .stream()
        .findFirst()
        .map(Contact::getId);
  }

  // --- internals ---

  void answer(Conversation conversation, String question) {
    String lang = conversation.language();
    Instant now = now();
    List<CitedArticle> articles = bot.articles(question, lang);
    if (articles.isEmpty()) {
      int unhelpful = conversation.unhelpfulAnswers() + 1;
      store.feedbackState(conversation.id(), false, unhelpful);
      if (unhelpful >= 2) {
        handOff(get(conversation.id()), HandOff.NOT_HELPED);
      } else {
        store.append(
            conversation.id(),
            AuthorKind.BOT,
            BOT,
            text("bot.nothing", lang, Map.of()),
            List.of(),
            now);
      }
      return;
    }
    store.append(
        conversation.id(),
        AuthorKind.BOT,
        BOT,
        text("bot.articles", lang, Map.of()),
        articles,
        now);
    store.append(
        conversation.id(),
        AuthorKind.BOT,
        BOT,
        text("bot.question", lang, Map.of()),
        List.of(),
        now);
    store.feedbackState(conversation.id(), true, conversation.unhelpfulAnswers());
  }

  void handOff(Conversation conversation, HandOff reason) {
    handOff(conversation, reason, null);
  }

  /**
   * Queues the chat for an operator: in {@code queue} when given and known (a guided path's queue),
   * else in the chat's own or the default queue; only that queue's operators see and take it.
   */
  void handOff(Conversation conversation, HandOff reason, String queue) {
    String lang = conversation.language();
    Instant now = now();
    if (!availability().operatorsAvailable()) {
      store.feedbackState(conversation.id(), false, conversation.unhelpfulAnswers());
      store.append(
          conversation.id(),
          AuthorKind.SYSTEM,
          null,
          text("system.outsideHours", lang, Map.of("link", properties.requestFormPath())),
          List.of(),
          now);
      return;
    }
    store.queue(
        conversation.id(), reason, queue != null && store.queueExists(queue) ? queue : null, now);
    int position = store.position(get(conversation.id()));
    store.append(
        conversation.id(),
        AuthorKind.SYSTEM,
        null,
        text("system.queued", lang, Map.of("position", position)),
        List.of(),
        now);
    queueChanged();
  }

  private void finish(Conversation conversation, Outcome outcome, Ticket ticket, String key) {
    Instant now = now();
    store.append(
        conversation.id(),
        AuthorKind.SYSTEM,
        null,
        text(key, conversation.language(), Map.of("number", ticket.getNumber())),
        List.of(),
        now);
    store.close(conversation.id(), outcome, ticket.getNumber(), ticket.getRequesterId(), now);
    store.changed(conversation.id());
  }

  /**
   * Opens the chat's ticket (the requester as declared), attaches the transcript and, with an
   * {@code answer}, solves it at once (closed at level 1).
   */
  private Ticket record(
      Conversation conversation, Channel channel, TicketType type, String user, String answer) {
    return record(conversation, channel, type, user, answer, null, Map.of());
  }

  /**
   * A guided path ended with a ticket: channel {@code CHATBOT}, open, with the path's answers in
   * the ticket's context and description; the chat closes.
   */
  Ticket pathTicket(Conversation conversation, String title, Map<String, String> answers) {
    Ticket ticket =
        record(
            conversation,
            Channel.CHATBOT,
            TicketType.Q,
            BOT,
            null,
            text("ticket.pathSubject", conversation.language(), Map.of("title", title)),
            answers);
    finish(conversation, Outcome.PATH_TICKET, ticket, "system.pathTicket");
    return ticket;
  }

  private Ticket record(
      Conversation conversation,
      Channel channel,
      TicketType type,
      String user,
      String answer,
      String subject,
      Map<String, String> answers) {
    List<ChatMessage> messages = store.after(conversation.id(), 0);
    String firstQuestion =
        messages.stream()
            .filter(message -> message.authorKind() == AuthorKind.CITIZEN)
            .map(ChatMessage::body)
            .findFirst()
            .orElse("chat " + conversation.id());
    String lang = conversation.language();
    String name =
        conversation.requesterName() != null
            ? conversation.requesterName()
            : text("requester.anonymous", lang, Map.of("id", conversation.id()));
    OpenTicketCommand command =
        new OpenTicketCommand(
            channel,
            type,
            cut(
                subject != null
                    ? subject
                    : text("ticket.subject", lang, Map.of("text", firstQuestion)),
                200),
            cut(
                messages.stream()
                    .filter(message -> message.authorKind() == AuthorKind.CITIZEN)
                    .map(ChatMessage::body)
                    .collect(Collectors.joining("\n", "", "\n"))
                    .concat(text("ticket.subject", lang, Map.of("text", conversation.id()))),
                8000),
            lang,
            new RequesterData(
                name,
                conversation.requesterFiscalCode(),
                null,
                conversation.requesterEmail(),
                null),
            null,
            null,
            context(conversation, answers),
            conversation.createdAt(),
            answer);
    Ticket ticket = intake.openDeclared(command, user).ticket();
    StoredDocument stored =
        documents.store(
            "chat-" + conversation.id() + ".txt",
            transcript(conversation.id()).getBytes(StandardCharsets.UTF_8));
    documents.link(stored, OwnerKind.TICKET, ticket.getId());
    // the files sent in the chat go with its ticket
    messages.stream()
        .map(ChatMessage::attachment)
        .filter(java.util.Objects::nonNull)
        .forEach(
            file ->
                documents.link(
                    file.documentId(), OwnerKind.TICKET, ticket.getId(), file.fileName()));
    return ticket;
  }

  private static Map<String, String> context(
      Conversation conversation, Map<String, String> answers) {
    Map<String, String> context = new java.util.LinkedHashMap<>(answers);
    context.put("chat", Long.toString(conversation.id()));
    if (conversation.page() != null) {
      context.put("page", conversation.page());
    }
    return context;
  }

  private void queueChanged() {
    store.queueChanged();
  }

  /** The conversation, locked, while it is not closed (see {@link ChatStore#lockOpen}). */
  Conversation open(long id) {
    return store.lockOpen(id);
  }

  private static String message(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidRequestException("text", "must not be blank");
    }
    if (text.length() > MAX_TEXT) {
      throw new InvalidRequestException("text", "at most " + MAX_TEXT + " characters");
    }
    return text.strip();
  }

  private String authorOf(ChatMessage message, Conversation conversation) {
    return switch (message.authorKind()) {
      case CITIZEN ->
          conversation.requesterName() == null ? "Cittadino" : conversation.requesterName();
      case BOT -> BOT;
      case OPERATOR -> message.author();
      case SYSTEM -> "sistema";
    };
  }

  Set<String> words(String key, String language) {
    return Arrays.stream(text(key, language, Map.of()).split(","))
        .map(word -> word.strip().toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
  }

  String text(String key, String language, Map<String, ?> values) {
    return texts.render(TEXTS, key, language, values);
  }

  private Instant now() {
    return clock.instant();
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

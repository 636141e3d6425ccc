package it.sportello.survey;

import it.sportello.channel.mail.MailBounced;
import it.sportello.channel.mail.MailOutbox;
import it.sportello.shared.ConflictException;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.TextTemplates;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outbound campaigns (ADR 0027): a questionnaire sent to a target list by phone (CATI: a call task
 * per person, at most {@code maxAttempts} calls), e-mail (CAWI: a personal link, one reminder) or a
 * public link (WEB). The recipients live in {@code campaign_recipient}, imported in one transaction
 * with batch inserts; the {@code campaign} process works them in waves, each queuing at most the
 * mailbox's rate into the outbox's low-priority lane. Opt-outs are checked at every wave, so an
 * unsubscribe stops a running campaign's next message.
 */
@Service
public class Campaigns {

  public static final String INVITATION_TEMPLATE = "CAMPAIGN_INVITATION";
  public static final String REMINDER_TEMPLATE = "CAMPAIGN_REMINDER";

  /** Between two waves. */
  public static final Duration WAVE_INTERVAL = Duration.ofMinutes(1);

  /** Rows per insert statement of an import. */
  private static final int INSERT_CHUNK = 5_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  public enum Channel {
    CATI,
    CAWI,
    WEB
  }

  /**
   * How a WEB campaign is answered: one open public link (anyone, each answer counted), or
   * single-use tokens (one answer per token: handed out by the office or one per recipient).
   */
  public enum WebAccess {
    OPEN,
    TOKENS
  }

  public enum Status {
    DRAFT,
    RUNNING,
    PAUSED,
    STOPPED,
    ENDED
  }

  /** What a supervisor asks for. */
  public record NewCampaign(
      String name,
      Long questionnaireId,
      Channel channel,
      Questionnaires.LegalBasis legalBasis,
      String legalBasisNote,
      java.time.LocalDate endsOn,
      String mailboxId,
      Integer ratePerMinute,
      Integer maxAttempts,
      Integer reminderAfterDays,
      String language,
      String script,
      WebAccess webAccess) {}

  public record Campaign(
      long id,
      String name,
      long questionnaireId,
      Channel channel,
      Questionnaires.LegalBasis legalBasis,
      String legalBasisNote,
      Status status,
      Instant endsAt,
      String mailboxId,
      int ratePerMinute,
      int maxAttempts,
      Integer reminderAfterDays,
      String language,
      String script,
      String createdBy,
      Instant createdAt,
      Instant startedAt,
      Instant closedAt,
      String webLink,
      WebAccess webAccess) {}

  /** What an issue of tokens did: anonymous ones, one per recipient, and the campaign's total. */
  public record IssuedTokens(int anonymous, int forRecipients, int total) {}

  /**
   * A single-use token as the office distributes it (recipient's fields null when anonymous);
   * answeredAt in the service calendar's zone.
   */
  public record WebToken(
      String token,
      String link,
      String name,
      String email,
      String phone,
      String language,
      java.time.LocalDateTime answeredAt) {}

  /** At most this many anonymous tokens per request. */
  public static final int MAX_TOKENS_PER_ISSUE = 10_000;

  /** What a wave did. */
  public record Wave(int invited, int reminded, int optedOut, int calls, boolean allWorked) {}

  private final JdbcClient jdbc;
  private final Questionnaires questionnaires;
  private final MailOutbox outbox;
  private final TextTemplates texts;
  private final CampaignProcessPort process;
  private final SurveyProperties properties;
  private final Clock clock;
  private final java.time.ZoneId zone;

  Campaigns(
      JdbcClient jdbc,
      Questionnaires questionnaires,
      MailOutbox outbox,
      TextTemplates texts,
      CampaignProcessPort process,
      SurveyProperties properties,
      Clock clock,
      it.sportello.sla.SlaService sla) {
    this.jdbc = jdbc;
    this.questionnaires = questionnaires;
    this.outbox = outbox;
    this.texts = texts;
    this.process = process;
    this.properties = properties;
    this.clock = clock;
    this.zone = sla.calendar().zone();
  }

  // ---------------------------------------------------------------------------------------------
  // campaigns and their target lists

  @Transactional
  public Campaign create(NewCampaign wanted, String actor) {
    List<FieldViolation> violations = new ArrayList<>();
    if (wanted.name() == null || wanted.name().isBlank() || wanted.name().length() > 200) {
      violations.add(new FieldViolation("name", "1 to 200 characters"));
    }
    if (wanted.questionnaireId() == null
        || questionnaires.summary(wanted.questionnaireId()).isEmpty()) {
      violations.add(new FieldViolation("questionnaireId", "no such questionnaire"));
    }
    if (wanted.channel() == null) {
      violations.add(new FieldViolation("channel", "is required (CATI, CAWI, WEB)"));
    }
    if (wanted.legalBasis() == null) {
      violations.add(new FieldViolation("legalBasis", "is required"));
    }
    // the campaign ends at the end of its last day in the service calendar's zone
    Instant endsAt =
        wanted.endsOn() == null ? null : wanted.endsOn().plusDays(1).atStartOfDay(zone).toInstant();
    if (endsAt == null || !endsAt.isAfter(clock.instant())) {
      violations.add(new FieldViolation("endsOn", "must be today or later"));
    }
    int rate = wanted.ratePerMinute() == null ? 100 : wanted.ratePerMinute();
    if (rate < 1 || rate > 100_000) {
      violations.add(new FieldViolation("ratePerMinute", "from 1 to 100000"));
    }
    int attempts = wanted.maxAttempts() == null ? 2 : wanted.maxAttempts();
    if (attempts < 1 || attempts > 5) {
      violations.add(new FieldViolation("maxAttempts", "from 1 to 5"));
    }
    if (wanted.reminderAfterDays() != null
        && (wanted.reminderAfterDays() < 1 || wanted.reminderAfterDays() > 60)) {
      violations.add(new FieldViolation("reminderAfterDays", "from 1 to 60"));
    }
    String language = wanted.language() == null ? "it" : wanted.language();
    if (!QuestionnaireSchemas.LANGUAGES.contains(language)) {
      violations.add(new FieldViolation("language", "one of " + QuestionnaireSchemas.LANGUAGES));
    }
    if (wanted.script() != null && wanted.script().length() > 4000) {
      violations.add(new FieldViolation("script", "at most 4000 characters"));
    }
    WebAccess access = wanted.webAccess() == null ? WebAccess.OPEN : wanted.webAccess();
    if (access == WebAccess.TOKENS && wanted.channel() != Channel.WEB) {
      violations.add(new FieldViolation("webAccess", "tokens are for WEB campaigns only"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    Instant now = clock.instant();
    long id =
        jdbc.sql(
                """
                insert into sportello.campaign (name, questionnaire_id, channel, legal_basis,
                    legal_basis_note, status, ends_at, mailbox_id, rate_per_minute, max_attempts,
                    reminder_after_days, language, script, created_by, created_at, web_token,
                    web_access)
                values (?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
            .params(
                wanted.name().strip(),
                wanted.questionnaireId(),
                wanted.channel().name(),
                wanted.legalBasis().name(),
                wanted.legalBasisNote(),
                Timestamp.from(endsAt),
                wanted.mailboxId(),
                rate,
                attempts,
                wanted.reminderAfterDays(),
                language,
                wanted.script(),
                actor,
                Timestamp.from(now),
                wanted.channel() == Channel.WEB && access == WebAccess.OPEN ? newToken() : null,
                access.name())
            .query(Long.class)
            .single();
    return get(id);
  }

  @Transactional(readOnly = true)
  public Campaign get(long id) {
    return jdbc.sql("select * from sportello.campaign where id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new Campaign(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getLong("questionnaire_id"),
                    Channel.valueOf(rs.getString("channel")),
                    Questionnaires.LegalBasis.valueOf(rs.getString("legal_basis")),
                    rs.getString("legal_basis_note"),
                    Status.valueOf(rs.getString("status")),
                    rs.getTimestamp("ends_at").toInstant(),
                    rs.getString("mailbox_id"),
                    rs.getInt("rate_per_minute"),
                    rs.getInt("max_attempts"),
                    (Integer) rs.getObject("reminder_after_days"),
                    rs.getString("language"),
                    rs.getString("script"),
                    rs.getString("created_by"),
                    rs.getTimestamp("created_at").toInstant(),
                    instant(rs.getTimestamp("started_at")),
                    instant(rs.getTimestamp("closed_at")),
                    rs.getString("web_token") == null
                        ? null
                        : properties.webLink(rs.getString("web_token")),
                    WebAccess.valueOf(rs.getString("web_access"))))
        .optional()
        .orElseThrow(() -> new NotFoundException("No such campaign."));
  }

  @Transactional(readOnly = true)
  public List<Long> ids() {
    return jdbc.sql("select id from sportello.campaign order by id desc limit 500")
        .query(Long.class)
        .list();
  }

  /**
   * Adds the recipients of a checked file, all or none, with batch inserts (one statement per
   * {@value #INSERT_CHUNK} rows). Only before the campaign starts. @return how many were added
   */
  @Transactional
  public int addRecipients(long campaignId, List<CampaignTargets.Target> targets) {
    Campaign campaign = get(campaignId);
    if (campaign.status() != Status.DRAFT) {
      throw new ConflictException(409, "Recipients can only be added before the campaign starts.");
    }
    int added = 0;
    for (int from = 0; from < targets.size(); from += INSERT_CHUNK) {
      List<CampaignTargets.Target> chunk =
          targets.subList(from, Math.min(targets.size(), from + INSERT_CHUNK));
      added +=
          jdbc.sql(
                  """
                  insert into sportello.campaign_recipient (campaign_id, row_number, email, phone,
                      name, language, status)
                  select ?, r, e, p, n, coalesce(l, ?), 'QUEUED'
                  from unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::text[]) as t(r, e, p, n, l)""")
              .params(
                  campaignId,
                  campaign.language(),
                  chunk.stream().map(CampaignTargets.Target::row).toArray(Integer[]::new),
                  chunk.stream().map(CampaignTargets.Target::email).toArray(String[]::new),
                  chunk.stream().map(CampaignTargets.Target::phone).toArray(String[]::new),
                  chunk.stream().map(CampaignTargets.Target::name).toArray(String[]::new),
                  chunk.stream().map(CampaignTargets.Target::language).toArray(String[]::new))
              .update();
    }
    return added;
  }

  /**
   * Who to contact, chosen in the contact registry by their last contact: its channel (e.g. PHONE),
   * the period it fell in (calendar days, both included), the topic of its ticket, the language
   * (the contact's preferred one, else the ticket's). Null criteria do not filter; the period is
   * required.
   */
  public record Audience(
      String channel,
      java.time.LocalDate from,
      java.time.LocalDate to,
      String topic,
      String language) {}

  /**
   * Adds the registry's contacts that match, in one statement, skipping contacts already on the
   * list and anonymised ones; e-mail campaigns need an address, phone campaigns a number. @return
   * how many were added
   */
  @Transactional
  public int addFromRegistry(long campaignId, Audience audience) {
    Campaign campaign = get(campaignId);
    if (campaign.status() != Status.DRAFT) {
      throw new ConflictException(409, "Recipients can only be added before the campaign starts.");
    }
    List<FieldViolation> violations = new ArrayList<>();
    if (audience == null || audience.from() == null || audience.to() == null) {
      violations.add(new FieldViolation("from", "the period of the last contact is required"));
    } else if (audience.to().isBefore(audience.from())) {
      violations.add(new FieldViolation("to", "must not be before from"));
    }
    if (audience != null
        && audience.language() != null
        && !QuestionnaireSchemas.LANGUAGES.contains(audience.language())) {
      violations.add(new FieldViolation("language", "one of " + QuestionnaireSchemas.LANGUAGES));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    String reachable =
        switch (campaign.channel()) {
          case CAWI -> "c.email is not null";
          case CATI -> "c.phone is not null";
          // a WEB campaign's recipients get tokens (handed out by the office), if it uses them
          case WEB -> campaign.webAccess() == WebAccess.TOKENS ? "true" : "false";
        };
    // the contact registry's and tickets' tables, read in one statement so that 100,000 contacts
    // never pass through the application
    return jdbc.sql(
            """
            insert into sportello.campaign_recipient (campaign_id, email, phone, name, language,
                contact_id, status)
            select :campaign, lower(trim(c.email)), c.phone, c.name,
                coalesce(c.preferred_language, t.language, :fallback), c.id, 'QUEUED'
            from sportello.contact c
            join lateral (select i.channel, i.occurred_at, i.ticket_id from sportello.interaction i
                where i.contact_id = c.id order by i.occurred_at desc, i.id desc limit 1) last
              on true
            left join sportello.ticket t on t.id = last.ticket_id
            where c.anonymised_at is null and """
                + " "
                + reachable
                // a text block's common indentation is stripped: the space must be added
                + " "
                + """
              and last.occurred_at >= :from and last.occurred_at < :to
              and (cast(:channel as varchar) is null or last.channel = :channel)
              and (cast(:topic as varchar) is null or t.topic = :topic)
              and (cast(:language as varchar) is null
                   or coalesce(c.preferred_language, t.language) = :language)
              and not exists (select 1 from sportello.campaign_recipient r
                  where r.campaign_id = :campaign and r.contact_id = c.id)""")
        .param("campaign", campaignId)
        .param("fallback", campaign.language())
        .param("from", Timestamp.from(audience.from().atStartOfDay(zone).toInstant()))
        .param("to", Timestamp.from(audience.to().plusDays(1).atStartOfDay(zone).toInstant()))
        .param("channel", audience.channel())
        .param("topic", audience.topic())
        .param("language", audience.language())
        .update();
  }

  // ---------------------------------------------------------------------------------------------
  // start, pause, resume, stop

  @Transactional
  public Campaign start(long id) {
    Campaign campaign = get(id);
    if (campaign.status() != Status.DRAFT) {
      throw new ConflictException(409, "The campaign has already started.");
    }
    if (campaign.channel() != Channel.WEB && recipients(id) == 0) {
      throw new InvalidRequestException("recipients", "the campaign has no recipients");
    }
    jdbc.sql(
            "update sportello.campaign set status = 'RUNNING', started_at = ? where id = ? and"
                + " status = 'DRAFT'")
        .params(Timestamp.from(clock.instant()), id)
        .update();
    process.start(id, campaign.endsAt(), WAVE_INTERVAL);
    return get(id);
  }

  @Transactional
  public Campaign pause(long id) {
    move(id, Status.RUNNING, Status.PAUSED);
    process.paused(id);
    return get(id);
  }

  @Transactional
  public Campaign resume(long id) {
    move(id, Status.PAUSED, Status.RUNNING);
    process.resumed(id);
    return get(id);
  }

  @Transactional
  public Campaign stop(long id) {
    Campaign campaign = get(id);
    if (campaign.status() != Status.RUNNING && campaign.status() != Status.PAUSED) {
      throw new ConflictException(409, "Only a running or paused campaign can be stopped.");
    }
    jdbc.sql("update sportello.campaign set status = 'STOPPED' where id = ?").param(id).update();
    process.stopped(id);
    return get(id);
  }

  private void move(long id, Status from, Status to) {
    int moved =
        jdbc.sql("update sportello.campaign set status = ? where id = ? and status = ?")
            .params(to.name(), id, from.name())
            .update();
    if (moved == 0) {
      get(id);
      throw new ConflictException(409, "The campaign is not " + from.name().toLowerCase() + ".");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // the process's steps

  /** Before the first wave: whoever opted out is never contacted. */
  @Transactional
  public int prepare(long id) {
    return excludeOptedOut(id);
  }

  /**
   * One wave: opt-outs since the last wave excluded; CAWI: invitations (and then reminders) up to
   * the mailbox's budget for this minute; CATI: call tasks up to the rate. Nothing while paused or
   * after a stop. Safe to run again (a retried job): each recipient moves out of QUEUED once.
   */
  @Transactional
  public Wave wave(long id) {
    Campaign campaign = get(id);
    if (campaign.status() != Status.RUNNING) {
      return new Wave(0, 0, 0, 0, campaign.status() == Status.STOPPED);
    }
    int optedOut = excludeOptedOut(id);
    return switch (campaign.channel()) {
      case CAWI -> mailWave(campaign, optedOut);
      case CATI -> callWave(campaign, optedOut);
      case WEB -> new Wave(0, 0, optedOut, 0, true);
    };
  }

  private Wave mailWave(Campaign campaign, int optedOut) {
    int budget = outbox.bulkBudget(campaign.mailboxId(), campaign.ratePerMinute());
    var version = questionnaires.summary(campaign.questionnaireId()).orElseThrow();
    List<Recipient> queued = next(campaign.id(), "QUEUED", budget);
    Instant now = clock.instant();
    int invited = 0;
    for (Recipient recipient : queued) {
      String token = newToken();
      long invitation = invitation(campaign, version, recipient, token, now);
      Optional<MailOutbox.Queued> mail =
          mail(campaign, recipient, INVITATION_TEMPLATE, token, recipient.language());
      if (mail.isEmpty()) {
        throw new IllegalStateException("no mailbox can send the campaign's mail");
      }
      jdbc.sql(
              """
              update sportello.campaign_recipient set status = 'SENT', attempts = 1,
                  invitation_id = ?, message_id = ?, contacted_at = ?
              where id = ?""")
          .params(invitation, mail.get().messageId(), Timestamp.from(now), recipient.id())
          .update();
      invited++;
    }
    int reminded = 0;
    if (campaign.reminderAfterDays() != null && budget - invited > 0) {
      for (Recipient recipient : reminders(campaign, budget - invited, now)) {
        String token = newToken();
        jdbc.sql("update sportello.survey_invitation set reminder_token_hash = ? where id = ?")
            .params(DoNotContact.sha256(token), recipient.invitationId())
            .update();
        Optional<MailOutbox.Queued> mail =
            mail(campaign, recipient, REMINDER_TEMPLATE, token, recipient.language());
        jdbc.sql(
                """
                update sportello.campaign_recipient set reminded_at = ?, reminder_message_id = ?
                where id = ?""")
            .params(
                Timestamp.from(now),
                mail.map(MailOutbox.Queued::messageId).orElse(null),
                recipient.id())
            .update();
        reminded++;
      }
    }
    boolean allWorked =
        count(campaign.id(), "QUEUED") == 0
            && (campaign.reminderAfterDays() == null || pendingReminders(campaign) == 0);
    return new Wave(invited, reminded, optedOut, 0, allWorked);
  }

  private Wave callWave(Campaign campaign, int optedOut) {
    int open = count(campaign.id(), "CALLING");
    int budget = Math.max(0, campaign.ratePerMinute() - open);
    var version = questionnaires.summary(campaign.questionnaireId()).orElseThrow();
    Instant now = clock.instant();
    int calls = 0;
    for (Recipient recipient : next(campaign.id(), "QUEUED", budget)) {
      String token = newToken();
      long invitation = invitation(campaign, version, recipient, token, now);
      jdbc.sql(
              """
              update sportello.campaign_recipient set status = 'CALLING', invitation_id = ?,
                  contacted_at = ?
              where id = ?""")
          .params(invitation, Timestamp.from(now), recipient.id())
          .update();
      Instant due = now.plus(Duration.ofDays(2));
      if (due.isAfter(campaign.endsAt())) {
        due = campaign.endsAt();
      }
      process.call(
          new CampaignProcessPort.Call(
              recipient.id(),
              campaign.id(),
              campaign.maxAttempts(),
              Duration.ofHours(4),
              due,
              now.plus(Duration.between(now, due).dividedBy(2)),
              campaign.name(),
              recipient.name() == null ? "—" : recipient.name(),
              recipient.phone(),
              campaign.script() == null ? "" : campaign.script(),
              properties.link(token, recipient.language())));
      calls++;
    }
    boolean allWorked = count(campaign.id(), "QUEUED") == 0 && count(campaign.id(), "CALLING") == 0;
    return new Wave(0, 0, optedOut, calls, allWorked);
  }

  /**
   * Records a call's outcome. @return whether to call again (no answer, attempts left); after the
   * last attempt without an answer the recipient is NOT_FOUND
   */
  @Transactional
  public boolean recordCall(long recipientId, String outcome, int attempt, String note) {
    Recipient recipient = recipient(recipientId);
    Campaign campaign = get(recipient.campaignId());
    String status =
        switch (outcome == null ? "" : outcome) {
          case "INTERVIEWED" -> "INTERVIEWED";
          case "REFUSED" -> "REFUSED";
          case "WRONG_NUMBER" -> "WRONG_NUMBER";
          case "NO_ANSWER" -> attempt >= campaign.maxAttempts() ? "NOT_FOUND" : null;
          default -> throw new InvalidRequestException("callOutcome", "unknown outcome");
        };
    boolean again = status == null && campaign.status() == Status.RUNNING;
    if (status == null && !again) {
      status = "NOT_CONTACTED";
    }
    jdbc.sql(
            """
            update sportello.campaign_recipient set attempts = ?, status = coalesce(?, status),
                outcome_at = case when ? is null then outcome_at else ? end,
                outcome_note = coalesce(?, outcome_note)
            where id = ? and status = 'CALLING'""")
        .params(
            attempt,
            status,
            status,
            Timestamp.from(clock.instant()),
            note == null || note.isBlank()
                ? null
                : note.strip().substring(0, Math.min(1000, note.strip().length())),
            recipientId)
        .update();
    return again;
  }

  /**
   * Closes the campaign (end date or stop): recipients never contacted are NOT_CONTACTED, open call
   * tasks are withdrawn, the links stop working.
   */
  @Transactional
  public void close(long id) {
    Instant now = clock.instant();
    jdbc.sql(
            """
            update sportello.campaign set status = case when status = 'STOPPED' then 'STOPPED'
                else 'ENDED' end, closed_at = ? where id = ?""")
        .params(Timestamp.from(now), id)
        .update();
    jdbc.sql(
            """
            update sportello.campaign_recipient set status = 'NOT_CONTACTED', outcome_at = ?
            where campaign_id = ? and status in ('QUEUED', 'CALLING')""")
        .params(Timestamp.from(now), id)
        .update();
    jdbc.sql(
            """
            update sportello.survey_invitation set status = 'EXPIRED', expires_at = least(expires_at, ?)
            where campaign_id = ? and status = 'SENT'""")
        .params(Timestamp.from(now), id)
        .update();
    process.cancelCalls(id);
  }

  // ---------------------------------------------------------------------------------------------
  // what happens to the messages

  /** The WEB campaign of a public link. @throws NotFoundException for an unknown link */
  @Transactional(readOnly = true)
  public Campaign ofWebToken(String token) {
    if (token == null || token.isBlank() || token.length() > 60) {
      throw new NotFoundException("No such questionnaire.");
    }
    return jdbc.sql(
            """
            select id from sportello.campaign where web_token = :token
            union all
            select campaign_id from sportello.campaign_web_token where token = :token""")
        .param("token", token)
        .query(Long.class)
        .optional()
        .map(this::get)
        .orElseThrow(() -> new NotFoundException("No such questionnaire."));
  }

  /**
   * An anonymous answer through a WEB campaign's public link: an invitation of its own (no
   * recipient, no contact), whose new token the answer is recorded under. @return that token
   */
  @Transactional
  public String webInvitation(Campaign campaign, String language) {
    if (campaign.status() != Status.RUNNING) {
      throw new ConflictException(410, "This questionnaire is closed.");
    }
    var questionnaire = questionnaires.summary(campaign.questionnaireId()).orElseThrow();
    String token = newToken();
    invitation(
        campaign,
        questionnaire,
        new Recipient(0, campaign.id(), null, null, null, language, null, null),
        token,
        clock.instant());
    return token;
  }

  // ---------------------------------------------------------------------------------------------
  // a WEB campaign's single-use tokens

  /**
   * Issues single-use tokens for a WEB campaign with tokens: {@code count} anonymous ones (handed
   * out by the office) and, if asked, one for each recipient of the target list who has none and
   * has not opted out. Each token is an invitation of its own, so an answer is counted once. Not
   * once the campaign is closed.
   */
  @Transactional
  public IssuedTokens issueWebTokens(long id, Integer count, boolean forRecipients) {
    Campaign campaign = get(id);
    if (campaign.channel() != Channel.WEB || campaign.webAccess() != WebAccess.TOKENS) {
      throw new InvalidRequestException("webAccess", "the campaign does not use tokens");
    }
    if (campaign.status() == Status.STOPPED || campaign.status() == Status.ENDED) {
      throw new ConflictException(409, "The campaign is closed.");
    }
    int anonymous = count == null ? 0 : count;
    if (anonymous < 0 || anonymous > MAX_TOKENS_PER_ISSUE) {
      throw new InvalidRequestException("count", "from 0 to " + MAX_TOKENS_PER_ISSUE);
    }
    if (anonymous == 0 && !forRecipients) {
      throw new InvalidRequestException("count", "ask for at least one token or the recipients'");
    }
    var questionnaire = questionnaires.summary(campaign.questionnaireId()).orElseThrow();
    Instant now = clock.instant();
    for (int i = 0; i < anonymous; i++) {
      webToken(
          campaign,
          questionnaire,
          new Recipient(0, id, null, null, null, campaign.language(), null, null),
          now);
    }
    int personal = 0;
    if (forRecipients) {
      excludeOptedOut(id);
      for (Recipient recipient :
          jdbc.sql(
                  """
                  select r.* from sportello.campaign_recipient r
                  where r.campaign_id = ? and r.status = 'QUEUED'
                    and not exists (select 1 from sportello.campaign_web_token w
                        where w.recipient_id = r.id)
                  order by r.id for update""")
              .param(id)
              .query(Campaigns::recipient)
              .list()) {
        long invitation = webToken(campaign, questionnaire, recipient, now);
        jdbc.sql(
                """
                update sportello.campaign_recipient set status = 'SENT', attempts = 1,
                    invitation_id = ?, contacted_at = ?
                where id = ?""")
            .params(invitation, Timestamp.from(now), recipient.id())
            .update();
        personal++;
      }
    }
    return new IssuedTokens(anonymous, personal, webTokenCount(id));
  }

  /** How many tokens a campaign has issued. */
  @Transactional(readOnly = true)
  public int webTokenCount(long id) {
    return jdbc.sql("select count(*) from sportello.campaign_web_token where campaign_id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  /** The campaign's tokens in the order they were issued, with their recipients, to distribute. */
  @Transactional(readOnly = true)
  public List<WebToken> webTokens(long id) {
    get(id);
    return jdbc.sql(
            """
            select w.token, r.name, r.email, r.phone, i.language, i.answered_at
            from sportello.campaign_web_token w
            join sportello.survey_invitation i on i.id = w.invitation_id
            left join sportello.campaign_recipient r on r.id = w.recipient_id
            where w.campaign_id = ? order by w.id""")
        .param(id)
        .query(
            (rs, n) ->
                new WebToken(
                    rs.getString("token"),
                    properties.webLink(rs.getString("token")),
                    rs.getString("name"),
                    rs.getString("email"),
                    rs.getString("phone"),
                    rs.getString("language"),
                    rs.getTimestamp("answered_at") == null
                        ? null
                        : java.time.LocalDateTime.ofInstant(
                            rs.getTimestamp("answered_at").toInstant(), zone)))
        .list();
  }

  /** A single-use token, locked for its answer; empty for the open link or an unknown token. */
  record TokenAnswer(long id, long invitationId, byte[] answerDigest, Instant answeredAt) {}

  Optional<TokenAnswer> lockWebToken(String token) {
    return jdbc.sql(
            """
            select w.id, w.invitation_id, w.answer_digest, i.answered_at
            from sportello.campaign_web_token w
            join sportello.survey_invitation i on i.id = w.invitation_id
            where w.token = ? for update of w""")
        .param(token)
        .query(
            (rs, n) ->
                new TokenAnswer(
                    rs.getLong("id"),
                    rs.getLong("invitation_id"),
                    rs.getBytes("answer_digest"),
                    instant(rs.getTimestamp("answered_at"))))
        .optional();
  }

  void answeredWithToken(long tokenId, byte[] digest) {
    jdbc.sql("update sportello.campaign_web_token set answer_digest = ? where id = ?")
        .params(digest, tokenId)
        .update();
  }

  private long webToken(
      Campaign campaign,
      Questionnaires.QuestionnaireSummary questionnaire,
      Recipient recipient,
      Instant now) {
    String token = newToken();
    long invitation = invitation(campaign, questionnaire, recipient, token, now);
    jdbc.sql(
            """
            insert into sportello.campaign_web_token (campaign_id, token, invitation_id,
                recipient_id, created_at)
            values (?, ?, ?, ?, ?)""")
        .params(
            campaign.id(),
            token,
            invitation,
            recipient.id() == 0 ? null : recipient.id(),
            Timestamp.from(now))
        .update();
    return invitation;
  }

  /** A DSN said one of the campaign's mails was not delivered. */
  @EventListener
  void bounced(MailBounced bounce) {
    jdbc.sql(
            """
            update sportello.campaign_recipient set status = 'BOUNCED', outcome_at = ?,
                outcome_note = ?
            where (message_id = ? or reminder_message_id = ?) and status = 'SENT'""")
        .params(
            Timestamp.from(bounce.at()),
            bounce.status() == null ? null : "DSN " + bounce.status(),
            bounce.messageId(),
            bounce.messageId())
        .update();
  }

  /** The answer through a campaign's link (called by the survey's answer, same transaction). */
  void answered(long invitationId, Instant at) {
    jdbc.sql(
            """
            update sportello.campaign_recipient set status = 'ANSWERED', outcome_at = ?
            where invitation_id = ? and status in ('SENT', 'BOUNCED')""")
        .params(Timestamp.from(at), invitationId)
        .update();
  }

  /** The e-mail address a campaign's invitation was sent to, for its unsubscribe link. */
  Optional<String> addressOfInvitation(long invitationId) {
    return jdbc.sql(
            "select email from sportello.campaign_recipient where invitation_id = ? and email is not"
                + " null")
        .param(invitationId)
        .query(String.class)
        .optional();
  }

  // ---------------------------------------------------------------------------------------------

  private record Recipient(
      long id,
      long campaignId,
      String email,
      String phone,
      String name,
      String language,
      Long contactId,
      Long invitationId) {}

  private Recipient recipient(long id) {
    return jdbc.sql("select * from sportello.campaign_recipient where id = ?")
        .param(id)
        .query(Campaigns::recipient)
        .optional()
        .orElseThrow(() -> new NotFoundException("No such recipient."));
  }

  private static Recipient recipient(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Recipient(
        rs.getLong("id"),
        rs.getLong("campaign_id"),
        rs.getString("email"),
        rs.getString("phone"),
        rs.getString("name"),
        rs.getString("language"),
        (Long) rs.getObject("contact_id"),
        (Long) rs.getObject("invitation_id"));
  }

  private List<Recipient> next(long campaignId, String status, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return jdbc.sql(
            """
            select * from sportello.campaign_recipient where campaign_id = ? and status = ?
            order by id limit ? for update skip locked""")
        .params(campaignId, status, limit)
        .query(Campaigns::recipient)
        .list();
  }

  private List<Recipient> reminders(Campaign campaign, int limit, Instant now) {
    return jdbc.sql(
            """
            select r.* from sportello.campaign_recipient r
            where r.campaign_id = ? and r.status = 'SENT' and r.reminded_at is null
              and r.contacted_at <= ?
              and not exists (select 1 from sportello.do_not_contact d
                  where d.address_hash = sha256(convert_to(r.email, 'UTF8'))
                     or d.contact_id = r.contact_id)
            order by r.id limit ? for update skip locked""")
        .params(
            campaign.id(),
            Timestamp.from(now.minus(Duration.ofDays(campaign.reminderAfterDays()))),
            limit)
        .query(Campaigns::recipient)
        .list();
  }

  private int pendingReminders(Campaign campaign) {
    return jdbc.sql(
            """
            select count(*) from sportello.campaign_recipient
            where campaign_id = ? and status = 'SENT' and reminded_at is null""")
        .param(campaign.id())
        .query(Integer.class)
        .single();
  }

  /** Marks OPTED_OUT every recipient not yet contacted whose address or contact opted out. */
  private int excludeOptedOut(long campaignId) {
    return jdbc.sql(
            """
            update sportello.campaign_recipient r set status = 'OPTED_OUT', outcome_at = ?
            where r.campaign_id = ? and r.status = 'QUEUED'
              and exists (select 1 from sportello.do_not_contact d
                  where (r.email is not null and d.address_hash = sha256(convert_to(r.email, 'UTF8')))
                     or (r.contact_id is not null and d.contact_id = r.contact_id))""")
        .params(Timestamp.from(clock.instant()), campaignId)
        .update();
  }

  private int count(long campaignId, String status) {
    return jdbc.sql(
            "select count(*) from sportello.campaign_recipient where campaign_id = ? and status = ?")
        .params(campaignId, status)
        .query(Integer.class)
        .single();
  }

  private int recipients(long campaignId) {
    return jdbc.sql("select count(*) from sportello.campaign_recipient where campaign_id = ?")
        .param(campaignId)
        .query(Integer.class)
        .single();
  }

  private long invitation(
      Campaign campaign,
      Questionnaires.QuestionnaireSummary questionnaire,
      Recipient recipient,
      String token,
      Instant now) {
    return jdbc.sql(
            """
            insert into sportello.survey_invitation (purpose, campaign_id, token_hash,
                questionnaire_id, questionnaire_version, legal_basis, contact_id, language, channel,
                status, created_at, expires_at)
            values ('CAMPAIGN', ?, ?, ?, ?, ?, ?, ?, ?, 'SENT', ?, ?) returning id""")
        .params(
            campaign.id(),
            DoNotContact.sha256(token),
            questionnaire.id(),
            questionnaire.currentVersion(),
            campaign.legalBasis().name(),
            recipient.contactId(),
            recipient.language(),
            campaign.channel().name(),
            Timestamp.from(now),
            Timestamp.from(campaign.endsAt()))
        .query(Long.class)
        .single();
  }

  private Optional<MailOutbox.Queued> mail(
      Campaign campaign, Recipient recipient, String template, String token, String language) {
    String link = properties.link(token, language);
    Map<String, String> values =
        Map.of(
            "campaign",
            campaign.name(),
            "surveyLink",
            link,
            "unsubscribeLink",
            link + (link.contains("?") ? "&" : "?") + "unsubscribe=1");
    String subject = texts.render("mail", template + ".subject", language, values);
    String body = texts.render("mail", template + ".body", language, values);
    return outbox.queueBulk(campaign.mailboxId(), recipient.email(), subject, body, template);
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}

package it.sportello.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.kb.Category;
import it.sportello.kb.CategoryTree;
import it.sportello.shared.ConflictException;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes, publishes, withdraws and reads the notices; every change records who and when. */
@Service
public class Notices {

  /** The languages of a notice's texts; Italian is required. */
  public static final Set<String> LANGUAGES = Set.of("it", "en", "de", "fr");

  private static final int TITLE_MAX = 200;
  private static final int BODY_MAX = 4000;
  private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final CategoryTree categories;
  private final Clock clock;

  Notices(JdbcClient jdbc, ObjectMapper json, CategoryTree categories, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.categories = categories;
    this.clock = clock;
  }

  @Transactional
  public Notice create(NoticeDraft draft, String actor) {
    long id =
        withDraft(
                """
                insert into sportello.notice (topic, audience, kind, title, body, valid_from, valid_to,
                    deadline, status, created_by, created_at, updated_by, updated_at)
                values (:topic, :audience, :kind, cast(:title as jsonb), cast(:body as jsonb),
                    :validFrom, :validTo, :deadline, 'DRAFT', :actor, :now, :actor, :now)
                returning id""",
                draft,
                actor)
            .query(Long.class)
            .single();
    return get(id);
  }

  /** Changes a draft or a published notice (a withdrawn one stays as it was). */
  @Transactional
  public Notice update(long id, NoticeDraft draft, String actor) {
    Notice notice = lock(id);
    if (notice.status() == Notice.Status.WITHDRAWN) {
      throw new ConflictException(409, "Notice " + id + " was withdrawn: write a new one.");
    }
    withDraft(
            """
            update sportello.notice set topic = :topic, audience = :audience, kind = :kind,
                title = cast(:title as jsonb), body = cast(:body as jsonb),
                valid_from = :validFrom, valid_to = :validTo, deadline = :deadline,
                updated_by = :actor, updated_at = :now
            where id = :id""",
            draft,
            actor)
        .param("id", id)
        .update();
    return get(id);
  }

  /**
   * The statement {@code sql} with the draft's columns bound, and who changed it now ({@code
   * :actor}, {@code :now}).
   *
   * @throws InvalidRequestException naming each invalid field of the draft
   */
  private StatementSpec withDraft(String sql, NoticeDraft draft, String actor) {
    Map<String, String> title = texts(draft.title());
    Map<String, String> body = texts(draft.body());
    check(draft, title, body);
    return jdbc.sql(sql)
        .param("topic", blankToNull(draft.topic()))
        .param("audience", draft.audience().name())
        .param("kind", draft.kind().name())
        .param("title", write(title))
        .param("body", write(body))
        .param("validFrom", Timestamp.from(draft.validFrom()))
        .param("validTo", draft.validTo() == null ? null : Timestamp.from(draft.validTo()))
        .param("deadline", draft.deadline())
        .param("actor", actor)
        .param("now", Timestamp.from(clock.instant()));
  }

  @Transactional
  public Notice publish(long id, String actor) {
    return transition(id, actor, Notice.Status.DRAFT, Notice.Status.PUBLISHED, "is not a draft");
  }

  @Transactional
  public Notice withdraw(long id, String actor) {
    return transition(
        id, actor, Notice.Status.PUBLISHED, Notice.Status.WITHDRAWN, "is not published");
  }

  /**
   * Moves the notice from {@code from} to {@code to}, recording who and when in the columns of the
   * new status ({@code published_by/_at}, {@code withdrawn_by/_at}).
   *
   * @throws ConflictException when the notice is not in {@code from}
   */
  private Notice transition(
      long id, String actor, Notice.Status from, Notice.Status to, String refusal) {
    Notice notice = lock(id);
    if (notice.status() != from) {
      throw new ConflictException(409, "Notice " + id + " " + refusal + ".");
    }
    String column =
        switch (to) {
          case PUBLISHED -> "published";
          case WITHDRAWN -> "withdrawn";
          case DRAFT -> throw new IllegalArgumentException("A notice never goes back to draft");
        };
    jdbc.sql(
            "update sportello.notice set status = :status, "
                + column
                + "_by = :actor, "
                + column
                + "_at = :now, updated_by = :actor, updated_at = :now where id = :id")
        .param("status", to.name())
        .param("actor", actor)
        .param("now", Timestamp.from(clock.instant()))
        .param("id", id)
        .update();
    return get(id);
  }

  @Transactional(readOnly = true)
  public Notice get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("No notice " + id));
  }

  @Transactional(readOnly = true)
  public Optional<Notice> find(long id) {
    return jdbc.sql("select * from sportello.notice where id = :id")
        .param("id", id)
        .query(this::row)
        .optional();
  }

  /** Every notice, the most recently changed first (the staff's list). */
  @Transactional(readOnly = true)
  public List<Notice> all(int limit) {
    return jdbc.sql("select * from sportello.notice order by updated_at desc, id desc limit :limit")
        .param("limit", limit)
        .query(this::row)
        .list();
  }

  /**
   * The notices current now: published and valid; of this topic or of every topic (any topic when
   * {@code topic} is null); for this audience or for all (any audience when null). Outages first,
   * then by the start of validity, newest first.
   */
  @Transactional(readOnly = true)
  public List<Notice> current(String topic, Notice.Audience audience) {
    Timestamp now = Timestamp.from(clock.instant());
    return jdbc.sql(
            """
            select * from sportello.notice
            where status = 'PUBLISHED' and valid_from <= :now
              and (valid_to is null or valid_to > :now)
              and (cast(:topic as varchar) is null or topic is null or topic = :topic)
              and (cast(:audience as varchar) is null or audience in (:audience, 'ALL'))
            order by case kind when 'OUTAGE' then 0 when 'DEADLINE' then 1 else 2 end,
                valid_from desc, id desc
            limit 50""")
        .param("now", now)
        .param("topic", blankToNull(topic))
        .param("audience", audience == null ? null : audience.name())
        .query(this::row)
        .list();
  }

  private Notice lock(long id) {
    return jdbc.sql("select * from sportello.notice where id = :id for update")
        .param("id", id)
        .query(this::row)
        .optional()
        .orElseThrow(() -> new NotFoundException("No notice " + id));
  }

  private void check(NoticeDraft draft, Map<String, String> title, Map<String, String> body) {
    List<FieldViolation> violations = new ArrayList<>();
    if (draft.audience() == null) {
      violations.add(new FieldViolation("audience", "must be CITIZENS, BUSINESSES or ALL"));
    }
    if (draft.kind() == null) {
      violations.add(new FieldViolation("kind", "must be DEADLINE, OUTAGE or INFORMATION"));
    }
    texts("title", title, TITLE_MAX, violations);
    texts("body", body, BODY_MAX, violations);
    if (draft.validFrom() == null) {
      violations.add(new FieldViolation("validFrom", "is required"));
    } else if (draft.validTo() != null && !draft.validTo().isAfter(draft.validFrom())) {
      violations.add(new FieldViolation("validTo", "must be after validFrom"));
    }
    String topic = blankToNull(draft.topic());
    if (topic != null) {
      Optional<Category> category = categories.byCode(topic);
      if (category.isEmpty() || category.get().depth() != 1) {
        violations.add(new FieldViolation("topic", "must be a topic of the classification tree"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  private static void texts(
      String field, Map<String, String> texts, int max, List<FieldViolation> violations) {
    String italian = texts.get("it");
    if (italian == null || italian.isBlank()) {
      violations.add(new FieldViolation(field + ".it", "the Italian text is required"));
    }
    texts.forEach(
        (language, text) -> {
          if (!LANGUAGES.contains(language)) {
            violations.add(
                new FieldViolation(field + "." + language, "not a language: it, en, de, fr"));
          } else if (text.length() > max) {
            violations.add(
                new FieldViolation(field + "." + language, "at most " + max + " characters"));
          }
        });
  }

  /** The non-blank texts, stripped. */
  private static Map<String, String> texts(Map<String, String> given) {
    Map<String, String> texts = new LinkedHashMap<>();
    if (given != null) {
      given.forEach(
          (language, text) -> {
            if (language != null && text != null && !text.isBlank()) {
              texts.put(language, text.strip());
            }
          });
    }
    return texts;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private String write(Map<String, String> texts) {
    try {
      return json.writeValueAsString(texts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, String> read(String texts) {
    try {
      return json.readValue(texts, TEXTS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Notice row(ResultSet rs, int rowNum) throws SQLException {
    java.sql.Date deadline = rs.getDate("deadline");
    return new Notice(
        rs.getLong("id"),
        rs.getString("topic"),
        Notice.Audience.valueOf(rs.getString("audience")),
        Notice.Kind.valueOf(rs.getString("kind")),
        read(rs.getString("title")),
        read(rs.getString("body")),
        instant(rs, "valid_from"),
        instant(rs, "valid_to"),
        deadline == null ? null : deadline.toLocalDate(),
        Notice.Status.valueOf(rs.getString("status")),
        rs.getString("created_by"),
        instant(rs, "created_at"),
        rs.getString("updated_by"),
        instant(rs, "updated_at"),
        rs.getString("published_by"),
        instant(rs, "published_at"),
        rs.getString("withdrawn_by"),
        instant(rs, "withdrawn_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** Used by the reminders: the deadline date of a current notice. */
  @Transactional(readOnly = true)
  public Optional<LocalDate> deadlineOf(long id) {
    return find(id).filter(n -> n.currentAt(clock.instant())).map(Notice::deadline);
  }
}

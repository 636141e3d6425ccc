package it.sportello.survey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.shared.ConflictException;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questionnaires and their versions: each save is a new version, never changed afterwards, so that
 * answers keep the version they answered.
 */
@Service
public class Questionnaires {

  /** The legal basis of sending a questionnaire (GDPR art. 6). */
  public enum LegalBasis {
    PUBLIC_TASK,
    CONSENT,
    LEGITIMATE_INTEREST
  }

  public record QuestionnaireSummary(
      long id,
      String code,
      String title,
      LegalBasis legalBasis,
      String legalBasisNote,
      int currentVersion,
      Instant updatedAt) {}

  /** A version: its schema per language and the questions derived from them. */
  public record QuestionnaireVersion(
      long questionnaireId,
      int version,
      Map<String, JsonNode> schemas,
      List<Question> questions,
      String savedBy,
      Instant savedAt) {

    /** The schema in this language, else the Italian one. */
    public JsonNode schema(String language) {
      JsonNode schema = language == null ? null : schemas.get(language);
      return schema != null ? schema : schemas.get("it");
    }
  }

  public record QuestionnaireDetail(
      QuestionnaireSummary questionnaire, QuestionnaireVersion current, List<Integer> versions) {}

  /** What a supervisor saves: the texts, the legal basis and the schemas per language. */
  public record QuestionnaireDraft(
      String code,
      String title,
      LegalBasis legalBasis,
      String legalBasisNote,
      Map<String, JsonNode> schemas) {}

  private static final TypeReference<Map<String, JsonNode>> SCHEMAS = new TypeReference<>() {};
  private static final TypeReference<List<Question>> QUESTIONS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  Questionnaires(JdbcClient jdbc, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<QuestionnaireSummary> list() {
    return jdbc.sql("select * from sportello.questionnaire order by title, id")
        .query(Questionnaires::summary)
        .list();
  }

  @Transactional(readOnly = true)
  public QuestionnaireDetail get(long id) {
    QuestionnaireSummary summary = summary(id).orElseThrow(() -> notFound(id));
    List<Integer> versions =
        jdbc.sql(
                "select version from sportello.questionnaire_version where questionnaire_id = ?"
                    + " order by version")
            .param(id)
            .query(Integer.class)
            .list();
    return new QuestionnaireDetail(summary, version(id, summary.currentVersion()), versions);
  }

  @Transactional(readOnly = true)
  public Optional<QuestionnaireSummary> summary(long id) {
    return jdbc.sql("select * from sportello.questionnaire where id = ?")
        .param(id)
        .query(Questionnaires::summary)
        .optional();
  }

  @Transactional(readOnly = true)
  public QuestionnaireVersion version(long id, int version) {
    return jdbc.sql(
            "select * from sportello.questionnaire_version where questionnaire_id = ? and version = ?")
        .params(id, version)
        .query(this::version)
        .optional()
        .orElseThrow(
            () -> new NotFoundException("Questionnaire " + id + " has no version " + version));
  }

  @Transactional
  public QuestionnaireDetail create(QuestionnaireDraft draft, String actor) {
    String code = draft.code() == null ? "" : draft.code().strip();
    List<FieldViolation> violations = check(draft);
    if (!code.matches("[a-z][a-z0-9-]{1,59}")) {
      violations.add(
          new FieldViolation("code", "must be 2-60 lower-case letters, digits or dashes"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    List<Question> questions = QuestionnaireSchemas.check(code, draft.schemas());
    if (jdbc.sql("select count(*) from sportello.questionnaire where code = ?")
            .param(code)
            .query(Long.class)
            .single()
        > 0) {
      throw new ConflictException(409, "A questionnaire with the code '" + code + "' exists.");
    }
    Instant now = clock.instant();
    long id =
        jdbc.sql(
                """
                insert into sportello.questionnaire (code, title, legal_basis, legal_basis_note,
                    current_version, created_by, created_at, updated_at)
                values (?, ?, ?, ?, 1, ?, ?, ?) returning id""")
            .params(
                code,
                draft.title().strip(),
                draft.legalBasis().name(),
                blankToNull(draft.legalBasisNote()),
                actor,
                Timestamp.from(now),
                Timestamp.from(now))
            .query(Long.class)
            .single();
    insertVersion(id, 1, draft.schemas(), questions, actor, now);
    return get(id);
  }

  /** Saves a new version (and the texts and legal basis); the code never changes. */
  @Transactional
  public QuestionnaireDetail update(long id, QuestionnaireDraft draft, String actor) {
    QuestionnaireSummary summary = summary(id).orElseThrow(() -> notFound(id));
    List<FieldViolation> violations = check(draft);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    List<Question> questions = QuestionnaireSchemas.check(summary.code(), draft.schemas());
    Instant now = clock.instant();
    int next =
        jdbc.sql(
                """
                update sportello.questionnaire set title = ?, legal_basis = ?, legal_basis_note = ?,
                    current_version = current_version + 1, updated_at = ?
                where id = ? returning current_version""")
            .params(
                draft.title().strip(),
                draft.legalBasis().name(),
                blankToNull(draft.legalBasisNote()),
                Timestamp.from(now),
                id)
            .query(Integer.class)
            .single();
    insertVersion(id, next, draft.schemas(), questions, actor, now);
    return get(id);
  }

  private void insertVersion(
      long id,
      int version,
      Map<String, JsonNode> schemas,
      List<Question> questions,
      String actor,
      Instant now) {
    jdbc.sql(
            """
            insert into sportello.questionnaire_version (questionnaire_id, version, schemas, questions,
                saved_by, saved_at)
            values (?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?)""")
        .params(
            id,
            version,
            write(new LinkedHashMap<>(schemas)),
            write(questions),
            actor,
            Timestamp.from(now))
        .update();
  }

  private static List<FieldViolation> check(QuestionnaireDraft draft) {
    List<FieldViolation> violations = new ArrayList<>();
    if (draft.title() == null || draft.title().isBlank() || draft.title().strip().length() > 200) {
      violations.add(new FieldViolation("title", "is required, at most 200 characters"));
    }
    if (draft.legalBasis() == null) {
      violations.add(
          new FieldViolation(
              "legalBasis", "must be one of PUBLIC_TASK, CONSENT, LEGITIMATE_INTEREST"));
    }
    if (draft.legalBasisNote() != null && draft.legalBasisNote().length() > 1000) {
      violations.add(new FieldViolation("legalBasisNote", "must be at most 1000 characters"));
    }
    return violations;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private QuestionnaireVersion version(ResultSet rs, int row) throws SQLException {
    try {
      return new QuestionnaireVersion(
          rs.getLong("questionnaire_id"),
          rs.getInt("version"),
          json.readValue(rs.getString("schemas"), SCHEMAS),
          json.readValue(rs.getString("questions"), QUESTIONS),
          rs.getString("saved_by"),
          rs.getTimestamp("saved_at").toInstant());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static QuestionnaireSummary summary(ResultSet rs, int row) throws SQLException {
    return new QuestionnaireSummary(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("title"),
        LegalBasis.valueOf(rs.getString("legal_basis")),
        rs.getString("legal_basis_note"),
        rs.getInt("current_version"),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException("No questionnaire " + id);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

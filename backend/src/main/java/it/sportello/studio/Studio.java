package it.sportello.studio;

import it.sportello.shared.ConflictException;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The studio's use cases: drafts (saved with their problems), the checks, and deployment under four
 * eyes. A request to deploy is bound to the SHA-256 of exactly the resources it would deploy (the
 * draft, and the forms its user tasks ask for); the decision is taken by another analyst than the
 * draft's author, its last editor and the requester; approval checks again and deploys.
 */
@Service
public class Studio {

  public static final String APPROVE = "APPROVE";
  public static final String REJECT = "REJECT";
  private static final int MAX_CONTENT = 2 * 1024 * 1024;

  private final JdbcTemplate jdbc;
  private final StudioEngine engine;
  private final Clock clock;

  Studio(JdbcTemplate jdbc, StudioEngine engine, Clock clock) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.clock = clock;
  }

  /** A saved draft and what the checks found in it. */
  public record SavedDraft(Draft draft, List<ModelProblem> problems) {}

  public List<DeployedModel> deployed() {
    return engine.deployed();
  }

  public String deployedContent(DraftKind kind, String id) {
    return engine
        .content(kind, id)
        .orElseThrow(() -> new NotFoundException("No deployed " + kind + " model " + id));
  }

  /** The drafts, the most recently saved first. */
  @Transactional(readOnly = true)
  public List<Draft> drafts() {
    return jdbc.query(
        "select * from sportello.studio_draft order by updated_at desc, id desc limit 500",
        Studio::draftRow);
  }

  @Transactional(readOnly = true)
  public Draft draft(long id) {
    return jdbc
        .query("select * from sportello.studio_draft where id = ?", Studio::draftRow, id)
        .stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No draft with id " + id));
  }

  /** Checks a model without saving it (what the studio shows while editing). */
  public List<ModelProblem> check(DraftKind kind, String content) {
    validate(new DraftInput(kind, content, null, ""));
    return checked(kind, content).problems();
  }

  @Transactional
  public SavedDraft create(DraftInput input, String user) {
    validate(input);
    CheckedModel checked = checked(input.kind(), input.content());
    Long id =
        jdbc.queryForObject(
            """
            insert into sportello.studio_draft (kind, model_key, content, sha256, base_version,
                change_note, author, created_at, updated_by, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""",
            Long.class,
            input.kind().name(),
            checked.key(),
            input.content(),
            sha256(input.content()),
            input.baseVersion(),
            note(input),
            user,
            Timestamp.from(clock.instant()),
            user,
            Timestamp.from(clock.instant()));
    return new SavedDraft(draft(id), checked.problems());
  }

  @Transactional
  public SavedDraft update(long id, DraftInput input, String user) {
    validate(input);
    Draft before = draft(id);
    if (before.kind() != input.kind()) {
      throw new InvalidRequestException("kind", "a " + before.kind() + " draft stays one");
    }
    CheckedModel checked = checked(input.kind(), input.content());
    jdbc.update(
        """
        update sportello.studio_draft set model_key = ?, content = ?, sha256 = ?,
            base_version = coalesce(?, base_version), change_note = ?, updated_by = ?, updated_at = ?
        where id = ?""",
        checked.key(),
        input.content(),
        sha256(input.content()),
        input.baseVersion(),
        note(input),
        user,
        Timestamp.from(clock.instant()),
        id);
    return new SavedDraft(draft(id), checked.problems());
  }

  /** The deployment requests, the newest first. */
  @Transactional(readOnly = true)
  public List<DeployRequest> requests() {
    return jdbc.query(
        """
        select r.*, d.kind, d.model_key from sportello.studio_deploy_request r
        join sportello.studio_draft d on d.id = r.draft_id
        order by r.requested_at desc, r.id desc limit 500""",
        Studio::requestRow);
  }

  @Transactional(readOnly = true)
  public DeployRequest request(long id) {
    return jdbc
        .query(
            """
            select r.*, d.kind, d.model_key from sportello.studio_deploy_request r
            join sportello.studio_draft d on d.id = r.draft_id where r.id = ?""",
            Studio::requestRow,
            id)
        .stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No deployment request with id " + id));
  }

  /**
   * Asks for the draft to be deployed. Refused (400, field {@code content}, one entry per problem
   * with its element) while the checks find anything.
   */
  @Transactional
  public DeployRequest requestDeploy(long draftId, String user) {
    Draft draft = draft(draftId);
    Map<String, String> resources = resourcesOf(draft);
    String diff =
        StudioDiff.summary(
            draft.kind(), engine.latest(draft.kind(), draft.key()).orElse(null), draft.content());
    Long id =
        jdbc.queryForObject(
            """
            insert into sportello.studio_deploy_request (draft_id, sha256, resources, diff_summary,
                requested_by, requested_at)
            values (?, ?, ?, ?, ?, ?) returning id""",
            Long.class,
            draftId,
            sha256(resources),
            String.join("\n", resources.keySet()),
            diff,
            user,
            Timestamp.from(clock.instant()));
    return request(id);
  }

  /**
   * Approves (and deploys) or rejects a request. Four eyes: refused (409) to the requester, the
   * draft's author and its last editor; an approval is refused (409) when the resources changed
   * since the request, or when the checks now find a problem (400).
   */
  @Transactional
  public DeployRequest decide(long requestId, String user, String decision, String comments) {
    List<FieldViolation> violations = new ArrayList<>();
    if (!APPROVE.equals(decision) && !REJECT.equals(decision)) {
      violations.add(new FieldViolation("decision", "must be APPROVE or REJECT"));
    }
    if (REJECT.equals(decision) && (comments == null || comments.isBlank())) {
      violations.add(new FieldViolation("comments", "must say why the draft is sent back"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    DeployRequest request = request(requestId);
    if (!request.pending()) {
      throw new ConflictException(409, "Request " + requestId + " was already decided.");
    }
    Draft draft = draft(request.draftId());
    checkFourEyes(request, draft, user);
    String deploymentId = null;
    if (APPROVE.equals(decision)) {
      Map<String, String> resources = resourcesOf(draft);
      if (!sha256(resources).equals(request.sha256())) {
        throw new ConflictException(
            409,
            "The draft or its forms changed after deployment was asked; reject this request so"
                + " that the new version is asked for.");
      }
      deploymentId =
          engine.deploy(
              "studio " + draft.key() + " (request " + requestId + ", " + user + ")", resources);
    }
    jdbc.update(
        """
        update sportello.studio_deploy_request set decision = ?, decided_by = ?, decided_at = ?,
            comments = ?, deployment_id = ?
        where id = ? and decision is null""",
        decision,
        user,
        Timestamp.from(clock.instant()),
        comments == null || comments.isBlank() ? null : comments.strip(),
        deploymentId,
        requestId);
    return request(requestId);
  }

  /** Four eyes: whoever wrote or asked may not decide. */
  private static void checkFourEyes(DeployRequest request, Draft draft, String user) {
    Set<String> writers = new LinkedHashSet<>();
    writers.add(request.requestedBy());
    writers.add(draft.author());
    writers.add(draft.updatedBy());
    if (user == null || writers.contains(user)) {
      throw new ConflictException(
          409,
          "Four eyes: "
              + user
              + " wrote or asked to deploy draft "
              + draft.id()
              + " ("
              + draft.key()
              + ") and cannot also decide it; another analyst must.");
    }
  }

  /**
   * What deploying the draft deploys: the draft, and for each form its user tasks ask for, the
   * newest form draft with that key, else the latest form deployed or shipped. Refused when the
   * checks find problems.
   */
  private Map<String, String> resourcesOf(Draft draft) {
    CheckedModel checked = checked(draft.kind(), draft.content());
    if (!checked.problems().isEmpty()) {
      throw new InvalidRequestException(
          checked.problems().stream()
              .map(
                  problem ->
                      new FieldViolation(
                          "content",
                          (problem.elementId() == null ? "" : problem.elementId() + ": ")
                              + problem.message()))
              .toList());
    }
    Map<String, String> resources = new LinkedHashMap<>();
    resources.put(draft.kind().resourceName(draft.key()), draft.content());
    for (String formKey : new LinkedHashSet<>(checked.formRefs().values())) {
      resources.put(DraftKind.FORM.resourceName(formKey), formContent(formKey).orElseThrow());
    }
    return resources;
  }

  /** The model's key and problems, with the forms its user tasks ask for checked. */
  private CheckedModel checked(DraftKind kind, String content) {
    CheckedModel checked = engine.check(kind, content);
    if (checked.key() == null) {
      throw new InvalidRequestException(
          "content",
          checked.problems().isEmpty()
              ? "the model defines no process, decision or form id"
              : checked.problems().get(0).message());
    }
    List<ModelProblem> problems = new ArrayList<>(checked.problems());
    for (Map.Entry<String, String> ref : checked.formRefs().entrySet()) {
      if (formContent(ref.getValue()).isEmpty()) {
        problems.add(
            new ModelProblem(
                ref.getKey(),
                "user task '"
                    + ref.getKey()
                    + "' asks for form '"
                    + ref.getValue()
                    + "', which no draft, deployment or shipped form provides",
                ModelProblem.FORMS));
      }
    }
    return new CheckedModel(checked.key(), problems, checked.formRefs());
  }

  private Optional<String> formContent(String formKey) {
    Optional<String> draft =
        jdbc
            .queryForList(
                """
                select content from sportello.studio_draft where kind = 'FORM' and model_key = ?
                order by updated_at desc, id desc limit 1""",
                String.class,
                formKey)
            .stream()
            .findFirst();
    return draft.isPresent() ? draft : engine.latest(DraftKind.FORM, formKey);
  }

  private static void validate(DraftInput input) {
    List<FieldViolation> violations = new ArrayList<>();
    if (input == null || input.kind() == null) {
      violations.add(new FieldViolation("kind", "must be BPMN, DMN or FORM"));
    }
    if (input == null || input.content() == null || input.content().isBlank()) {
      violations.add(new FieldViolation("content", "must hold the model"));
    } else if (input.content().length() > MAX_CONTENT) {
      violations.add(new FieldViolation("content", "must be at most 2 MB"));
    }
    if (input != null && input.changeNote() != null && input.changeNote().length() > 2000) {
      violations.add(new FieldViolation("changeNote", "must be at most 2000 characters"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  private static String note(DraftInput input) {
    return input.changeNote() == null ? "" : input.changeNote().strip();
  }

  static String sha256(String content) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(Map<String, String> resources) {
    StringBuilder all = new StringBuilder();
    resources.forEach(
        (name, content) -> all.append(name).append('\n').append(sha256(content)).append('\n'));
    return sha256(all.toString());
  }

  private static Draft draftRow(ResultSet rs, int n) throws SQLException {
    int base = rs.getInt("base_version");
    return new Draft(
        rs.getLong("id"),
        DraftKind.valueOf(rs.getString("kind")),
        rs.getString("model_key"),
        rs.getString("content"),
        rs.getString("sha256"),
        rs.wasNull() ? null : base,
        rs.getString("change_note"),
        rs.getString("author"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("updated_by"),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static DeployRequest requestRow(ResultSet rs, int n) throws SQLException {
    Timestamp decidedAt = rs.getTimestamp("decided_at");
    return new DeployRequest(
        rs.getLong("id"),
        rs.getLong("draft_id"),
        DraftKind.valueOf(rs.getString("kind")),
        rs.getString("model_key"),
        rs.getString("sha256"),
        List.of(rs.getString("resources").split("\n")),
        rs.getString("diff_summary"),
        rs.getString("requested_by"),
        rs.getTimestamp("requested_at").toInstant(),
        rs.getString("decision"),
        rs.getString("decided_by"),
        decidedAt == null ? null : decidedAt.toInstant(),
        rs.getString("comments"),
        rs.getString("deployment_id"));
  }
}

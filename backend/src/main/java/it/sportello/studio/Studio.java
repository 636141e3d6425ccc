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
import java.util.Collections;
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

  /**
   * A saved draft and what the checks found in it (a failing test of a decision table among the
   * problems, source {@code TESTS}).
   *
   * @param tests how each of a decision table's tests ran (empty for other models)
   */
  public record SavedDraft(
      Draft draft, List<ModelProblem> problems, List<DecisionTestResult> tests) {}

  /** A model checked: what the engine read, every problem, and how its tests ran. */
  private record Checked(
      CheckedModel model, List<ModelProblem> problems, List<DecisionTestResult> tests) {}

  public List<DeployedModel> deployed() {
    return engine.deployed();
  }

  public String deployedContent(DraftKind kind, String id) {
    return engine
        .content(kind, id)
        .orElseThrow(() -> new NotFoundException("No deployed " + kind + " model " + id));
  }

  /** The tests kept with a deployed decision (by its definition id), if it has any. */
  public Optional<String> deployedTests(DraftKind kind, String id) {
    return kind == DraftKind.DMN ? engine.tests(id) : Optional.empty();
  }

  /** What a draft changes against the deployed version it started from (else the latest). */
  @Transactional(readOnly = true)
  public ModelDiff diff(long draftId) {
    Draft draft = draft(draftId);
    String before = baseContent(draft).orElse(null);
    return new ModelDiff(
        draft.kind(),
        draft.key(),
        before == null ? null : draft.baseVersion(),
        null,
        draft.id(),
        before,
        draft.content(),
        StudioDiff.changes(draft.kind(), before, draft.content()));
  }

  /** What changed between two deployed versions of one process or decision (definition ids). */
  public ModelDiff diff(DraftKind kind, String fromId, String toId) {
    List<DeployedModel> deployed = engine.deployed();
    DeployedModel from = deployedModel(deployed, kind, fromId, "from");
    DeployedModel to = deployedModel(deployed, kind, toId, "to");
    if (!from.key().equals(to.key())) {
      throw new InvalidRequestException(
          "to", "must be a version of the same model as from (" + from.key() + ")");
    }
    String before = deployedContent(kind, fromId);
    String after = deployedContent(kind, toId);
    return new ModelDiff(
        kind,
        to.key(),
        from.version(),
        to.version(),
        null,
        before,
        after,
        StudioDiff.changes(kind, before, after));
  }

  private static DeployedModel deployedModel(
      List<DeployedModel> deployed, DraftKind kind, String id, String field) {
    return deployed.stream()
        .filter(model -> model.kind() == kind && model.id().equals(id))
        .findFirst()
        .orElseThrow(
            () -> new InvalidRequestException(field, "no deployed " + kind + " version " + id));
  }

  /** The deployed version a draft started from, else the latest with its key. */
  private Optional<String> baseContent(Draft draft) {
    if (draft.baseVersion() != null && draft.baseVersion() > 0 && draft.kind() != DraftKind.FORM) {
      Optional<String> base = engine.version(draft.kind(), draft.key(), draft.baseVersion());
      if (base.isPresent()) {
        return base;
      }
    }
    return engine.latest(draft.kind(), draft.key());
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
    return checked(kind, content, null).problems();
  }

  @Transactional
  public SavedDraft create(DraftInput input, String user) {
    validate(input);
    Checked checked = checked(input.kind(), input.content(), tests(input));
    Long id =
        jdbc.queryForObject(
            """
            insert into sportello.studio_draft (model_key, content, sha256, base_version,
                change_note, updated_by, updated_at, tests, kind, author, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""",
            Long.class,
            saved(
                checked, input, user, input.kind().name(), user, Timestamp.from(clock.instant())));
    return new SavedDraft(draft(id), checked.problems(), checked.tests());
  }

  @Transactional
  public SavedDraft update(long id, DraftInput input, String user) {
    validate(input);
    Draft before = draft(id);
    if (before.kind() != input.kind()) {
      throw new InvalidRequestException("kind", "a " + before.kind() + " draft stays one");
    }
    Checked checked = checked(input.kind(), input.content(), tests(input));
    jdbc.update(
        """
        update sportello.studio_draft set model_key = ?, content = ?, sha256 = ?,
            base_version = coalesce(?, base_version), change_note = ?, updated_by = ?, updated_at = ?,
            tests = ?
        where id = ?""",
        saved(checked, input, user, id));
    return new SavedDraft(draft(id), checked.problems(), checked.tests());
  }

  /**
   * The values a save writes, in the order of both statements (model key, content, hash, base
   * version, note, who, when, tests), then {@code more}.
   */
  private Object[] saved(Checked checked, DraftInput input, String user, Object... more) {
    List<Object> values = new ArrayList<>();
    values.add(checked.model().key());
    values.add(input.content());
    values.add(sha256(input.content()));
    values.add(input.baseVersion());
    values.add(note(input));
    values.add(user);
    values.add(Timestamp.from(clock.instant()));
    values.add(tests(input));
    Collections.addAll(values, more);
    return values.toArray();
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
        StudioDiff.summary(draft.kind(), baseContent(draft).orElse(null), draft.content());
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
   * What deploying the draft deploys, as one deployment: the draft (a decision table with its
   * tests), for each form its user tasks ask for the newest form draft with that key (else the
   * latest form deployed or shipped), and for each decision its business rule tasks call the newest
   * decision draft with that key (else the latest deployed table), with its tests. Refused when the
   * checks find problems in any of them, failing tests included.
   */
  private Map<String, String> resourcesOf(Draft draft) {
    Checked checked = checked(draft.kind(), draft.content(), draft.tests());
    List<ModelProblem> problems = new ArrayList<>(checked.problems());
    Map<String, String> resources = new LinkedHashMap<>();
    resources.put(draft.kind().resourceName(draft.key()), draft.content());
    if (draft.kind() == DraftKind.DMN && draft.tests() != null) {
      resources.put(testsName(draft.key()), draft.tests());
    }
    for (String formKey : new LinkedHashSet<>(checked.model().formRefs().values())) {
      formContent(formKey)
          .ifPresent(form -> resources.put(DraftKind.FORM.resourceName(formKey), form));
    }
    for (String decisionKey : new LinkedHashSet<>(checked.model().decisionRefs().values())) {
      Optional<String[]> decision = decisionContent(decisionKey);
      if (decision.isEmpty()) {
        continue; // reported by the checks
      }
      String content = decision.get()[0];
      String tests = decision.get()[1];
      for (ModelProblem problem : checked(DraftKind.DMN, content, tests).problems()) {
        problems.add(
            new ModelProblem(
                problem.elementId(),
                "decision '" + decisionKey + "': " + problem.message(),
                problem.source()));
      }
      resources.put(DraftKind.DMN.resourceName(decisionKey), content);
      if (tests != null) {
        resources.put(testsName(decisionKey), tests);
      }
    }
    ModelProblem.refuse(problems);
    return resources;
  }

  /** The resource name of a decision table's tests. */
  static String testsName(String decisionKey) {
    return decisionKey + ".tests.json";
  }

  /**
   * The model's key and problems, with the forms its user tasks ask for and the decisions its
   * business rule tasks call checked, and a decision table's tests run.
   */
  private Checked checked(DraftKind kind, String content, String tests) {
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
    for (Map.Entry<String, String> ref : checked.decisionRefs().entrySet()) {
      if (decisionContent(ref.getValue()).isEmpty()) {
        problems.add(
            new ModelProblem(
                ref.getKey(),
                "business rule task '"
                    + ref.getKey()
                    + "' calls decision '"
                    + ref.getValue()
                    + "', which no draft or deployment provides",
                ModelProblem.DECISIONS));
      }
    }
    List<DecisionTestResult> results = List.of();
    if (kind == DraftKind.DMN && tests != null && problems.isEmpty()) {
      try {
        results = engine.runTests(content, tests);
      } catch (RuntimeException e) {
        problems.add(
            new ModelProblem(checked.key(), "tests: " + e.getMessage(), ModelProblem.TESTS));
      }
      for (DecisionTestResult result : results) {
        if (!result.passed()) {
          problems.add(
              new ModelProblem(
                  checked.key(),
                  "test '" + result.name() + "' fails: " + result.message(),
                  ModelProblem.TESTS));
        }
      }
    }
    return new Checked(checked, problems, results);
  }

  /**
   * The decision table a process deploys with: the newest draft with that key, else the latest
   * deployed table; each with its tests (content, tests or null).
   */
  private Optional<String[]> decisionContent(String decisionKey) {
    List<String[]> draft =
        jdbc.query(
            """
            select content, tests from sportello.studio_draft where kind = 'DMN' and model_key = ?
            order by updated_at desc, id desc limit 1""",
            (rs, n) -> new String[] {rs.getString("content"), rs.getString("tests")},
            decisionKey);
    if (!draft.isEmpty()) {
      return Optional.of(draft.get(0));
    }
    return engine
        .latest(DraftKind.DMN, decisionKey)
        .map(content -> new String[] {content, engine.latestTests(decisionKey).orElse(null)});
  }

  private static String tests(DraftInput input) {
    return input.kind() != DraftKind.DMN || input.tests() == null || input.tests().isBlank()
        ? null
        : input.tests();
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
    if (input != null && input.tests() != null && input.tests().length() > MAX_CONTENT) {
      violations.add(new FieldViolation("tests", "must be at most 2 MB"));
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
    int version = rs.getInt("base_version");
    Integer base = rs.wasNull() ? null : version;
    return new Draft(
        rs.getLong("id"),
        DraftKind.valueOf(rs.getString("kind")),
        rs.getString("model_key"),
        rs.getString("content"),
        rs.getString("sha256"),
        base,
        rs.getString("change_note"),
        rs.getString("author"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("updated_by"),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getString("tests"));
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

package it.sportello.studio.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.platform.process.AllowedBean;
import it.sportello.platform.process.ModelAllowlist;
import it.sportello.studio.DeployRequest;
import it.sportello.studio.DeployedModel;
import it.sportello.studio.Draft;
import it.sportello.studio.DraftInput;
import it.sportello.studio.DraftKind;
import it.sportello.studio.ModelDiff;
import it.sportello.studio.ModelProblem;
import it.sportello.studio.Studio;
import it.sportello.studio.Studio.SavedDraft;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The analysts' studio: deployed models, drafts, checks, and deployment under four eyes. */
@Tag(
    name = "Studio",
    description = "Analysts change process, decision and form models: drafts, checks, four eyes")
@RestController
@RequestMapping("/api/studio")
class StudioController {

  private final Studio studio;
  private final ModelAllowlist allowlist;

  StudioController(Studio studio, ModelAllowlist allowlist) {
    this.studio = studio;
    this.allowlist = allowlist;
  }

  /**
   * A model's content.
   *
   * @param tests a decision table's tests kept with it (JSON), null when it has none
   */
  record ModelContent(String content, String tests) {}

  /** Problems found in a model. */
  record CheckResult(List<ModelProblem> problems) {}

  /** A model to check without saving it. */
  record CheckInput(DraftKind kind, String content) {}

  /** A four-eyes decision: APPROVE or REJECT (with a comment). */
  record Decision(String decision, String comments) {}

  @Operation(summary = "The deployed processes and decisions (every version) and the forms")
  @GetMapping("/models")
  List<DeployedModel> models() {
    return studio.deployed();
  }

  @Operation(summary = "The content of a deployed model, by its definition id (forms: their key)")
  @GetMapping("/models/{kind}/{id}")
  ModelContent model(@PathVariable DraftKind kind, @PathVariable String id) {
    return new ModelContent(
        studio.deployedContent(kind, id), studio.deployedTests(kind, id).orElse(null));
  }

  @Operation(
      summary = "What changed between two deployed versions of one process or decision",
      description =
          "from and to are definition ids of the same key; 400 naming the field otherwise. Elements"
              + " added, removed and changed, with the properties that differ; layout is no"
              + " change.")
  @GetMapping("/diff")
  ModelDiff diff(@RequestParam DraftKind kind, @RequestParam String from, @RequestParam String to) {
    return studio.diff(kind, from, to);
  }

  @Operation(
      summary = "What a draft changes against the deployed version it started from",
      description = "Against the latest deployed version when the draft names none.")
  @GetMapping("/drafts/{id}/diff")
  ModelDiff draftDiff(@PathVariable long id) {
    return studio.diff(id);
  }

  @Operation(
      summary = "The beans a model may name (the allowlist), with what each can be used as",
      description =
          "For picking a service task's delegate or a listener instead of typing an expression.")
  @GetMapping("/beans")
  List<AllowedBean> beans() {
    return allowlist.beans();
  }

  @Operation(summary = "The drafts, the most recently saved first")
  @GetMapping("/drafts")
  List<Draft> drafts() {
    return studio.drafts();
  }

  @Operation(summary = "One draft")
  @GetMapping("/drafts/{id}")
  Draft draft(@PathVariable long id) {
    return studio.draft(id);
  }

  @Operation(
      summary = "Saves a new draft and checks it",
      description = "The draft is saved even with problems; they are returned with it.")
  @PostMapping("/drafts")
  @ResponseStatus(HttpStatus.CREATED)
  SavedDraft create(@RequestBody DraftInput input, Principal principal) {
    return studio.create(input, principal.getName());
  }

  @Operation(summary = "Saves a draft again and checks it")
  @PutMapping("/drafts/{id}")
  SavedDraft update(@PathVariable long id, @RequestBody DraftInput input, Principal principal) {
    return studio.update(id, input, principal.getName());
  }

  @Operation(summary = "Checks a model without saving it")
  @PostMapping("/check")
  CheckResult check(@RequestBody CheckInput input) {
    return new CheckResult(studio.check(input.kind(), input.content()));
  }

  @Operation(
      summary = "Asks to deploy a draft (with the forms its user tasks use)",
      description =
          "400 naming the field content, one entry per problem with its element, while the checks"
              + " find any.")
  @PostMapping("/drafts/{id}/deploy-requests")
  @ResponseStatus(HttpStatus.CREATED)
  DeployRequest requestDeploy(@PathVariable long id, Principal principal) {
    return studio.requestDeploy(id, principal.getName());
  }

  @Operation(summary = "The deployment requests and the deployments they made, the newest first")
  @GetMapping("/deploy-requests")
  List<DeployRequest> requests() {
    return studio.requests();
  }

  @Operation(
      summary = "Approves (and deploys) or rejects a deployment request",
      description =
          "Four eyes: 409 for the requester, the draft's author and its last editor; 409 when the"
              + " draft changed since the request.")
  @PostMapping("/deploy-requests/{id}/decision")
  DeployRequest decide(@PathVariable long id, @RequestBody Decision decision, Principal principal) {
    return studio.decide(id, principal.getName(), decision.decision(), decision.comments());
  }
}

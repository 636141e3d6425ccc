package it.sportello.survey.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.survey.Questionnaires;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Questionnaires for supervisors and managers: form-js schemas per language, a version per save.
 */
@Tag(name = "Surveys", description = "Questionnaires, the satisfaction survey and its results")
@RestController
@RequestMapping("/api/surveys/questionnaires")
class QuestionnaireController {

  private final Questionnaires questionnaires;

  QuestionnaireController(Questionnaires questionnaires) {
    this.questionnaires = questionnaires;
  }

  @Operation(summary = "Every questionnaire")
  @GetMapping
  List<Questionnaires.QuestionnaireSummary> list() {
    return questionnaires.list();
  }

  @Operation(summary = "A questionnaire with its current version and the numbers of all versions")
  @GetMapping("/{id}")
  Questionnaires.QuestionnaireDetail get(@PathVariable long id) {
    return questionnaires.get(id);
  }

  @Operation(summary = "One version of a questionnaire, as it was saved")
  @GetMapping("/{id}/versions/{version}")
  Questionnaires.QuestionnaireVersion version(@PathVariable long id, @PathVariable int version) {
    return questionnaires.version(id, version);
  }

  @Operation(
      summary = "Creates a questionnaire (version 1)",
      description =
          "schemas: a form-js schema per language (it required; en, de, fr optional) with the same"
              + " question keys, types and option values. Supported fields: radio and select"
              + " (single choice, scales 1-5 and 0-10), checklist (multiple choice), textfield,"
              + " textarea, number, checkbox; text, group, spacer and separator for layout;"
              + " conditional fields.")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Questionnaires.QuestionnaireDetail create(
      @RequestBody Questionnaires.QuestionnaireDraft draft, Principal principal) {
    return questionnaires.create(draft, principal.getName());
  }

  @Operation(summary = "Saves a new version (answers keep the version they answered)")
  @PutMapping("/{id}")
  Questionnaires.QuestionnaireDetail update(
      @PathVariable long id,
      @RequestBody Questionnaires.QuestionnaireDraft draft,
      Principal principal) {
    return questionnaires.update(id, draft, principal.getName());
  }
}

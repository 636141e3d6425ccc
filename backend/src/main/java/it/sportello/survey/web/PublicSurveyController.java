package it.sportello.survey.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.survey.SatisfactionSurveys;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The requester's side of a survey, without login: the personal link's token is the only key (only
 * its SHA-256 is stored).
 */
@Tag(name = "Public surveys", description = "A survey's questionnaire through its personal link")
@RestController
@RequestMapping("/api/public/surveys/{token}")
class PublicSurveyController {

  private final SatisfactionSurveys surveys;
  private final ObjectMapper json;

  PublicSurveyController(SatisfactionSurveys surveys, ObjectMapper json) {
    this.surveys = surveys;
    this.json = json;
  }

  /**
   * What the citizen answers: the questions as form-js data (key to value, lists for checklists).
   */
  record SurveyAnswers(Map<String, JsonNode> answers) {}

  @Operation(
      summary = "The questionnaire of a personal link, in the language asked for",
      description = "status: SENT (open), ANSWERED, EXPIRED or OPTED_OUT; 404 for an unknown link")
  @GetMapping
  SatisfactionSurveys.PublicSurvey show(
      @PathVariable String token, @RequestParam(required = false) String lang) {
    return surveys.show(token, lang);
  }

  @Operation(
      summary = "SurveyAnswers the questionnaire, once",
      description =
          "400 naming answers.<key> for an invalid answer, 409 if already answered, 410 once closed")
  @PostMapping("/answers")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void answer(@PathVariable String token, @RequestBody SurveyAnswers answers) {
    surveys.answer(
        token,
        answers == null || answers.answers() == null ? null : json.valueToTree(answers.answers()));
  }

  @Operation(summary = "No more surveys or campaigns to the address and contact of this link")
  @PostMapping("/unsubscribe")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void unsubscribe(@PathVariable String token) {
    surveys.unsubscribe(token);
  }
}

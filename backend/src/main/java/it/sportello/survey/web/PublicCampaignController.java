package it.sportello.survey.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.survey.SatisfactionSurveys;
import it.sportello.survey.WebCampaigns;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A WEB campaign's public link (no login): the questionnaire and its answers. */
@Tag(name = "Public surveys", description = "A survey's questionnaire through its personal link")
@RestController
@RequestMapping("/api/public/campaigns/{token}")
class PublicCampaignController {

  private final WebCampaigns campaigns;
  private final ObjectMapper json;

  PublicCampaignController(WebCampaigns campaigns, ObjectMapper json) {
    this.campaigns = campaigns;
    this.json = json;
  }

  @Operation(
      summary = "The questionnaire of a web campaign's public link",
      description = "status: SENT while the campaign runs, else EXPIRED; 404 for an unknown link")
  @GetMapping
  SatisfactionSurveys.PublicSurvey show(
      @PathVariable String token, @RequestParam(required = false) String lang) {
    return campaigns.show(token, lang);
  }

  @Operation(
      summary = "Answers a web campaign's questionnaire",
      description =
          "400 naming answers.<key> for an invalid answer, 410 once the campaign is over. With a"
              + " single-use token: a retry with the same answer gets the same result (200), a"
              + " different answer 409, an unknown token 404.")
  @PostMapping("/answers")
  WebCampaigns.AnswerResult answer(
      @PathVariable String token,
      @RequestParam(required = false) String lang,
      @RequestBody PublicSurveyController.SurveyAnswers answers) {
    return campaigns.answer(
        token,
        lang,
        answers == null || answers.answers() == null ? null : json.valueToTree(answers.answers()));
  }
}

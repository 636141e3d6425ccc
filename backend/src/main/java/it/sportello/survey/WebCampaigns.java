package it.sportello.survey;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A WEB campaign's public link: anyone with it sees the questionnaire while the campaign runs and
 * may answer; each answer gets an invitation of its own (purpose CAMPAIGN, no contact), so that it
 * is stored, counted and exported like any other.
 */
@Service
public class WebCampaigns {

  private final Campaigns campaigns;
  private final Questionnaires questionnaires;
  private final SatisfactionSurveys surveys;

  WebCampaigns(Campaigns campaigns, Questionnaires questionnaires, SatisfactionSurveys surveys) {
    this.campaigns = campaigns;
    this.questionnaires = questionnaires;
    this.surveys = surveys;
  }

  /** The questionnaire behind the link: status SENT while the campaign runs, else EXPIRED. */
  @Transactional(readOnly = true)
  public SatisfactionSurveys.PublicSurvey show(String token, String language) {
    Campaigns.Campaign campaign = campaigns.ofWebToken(token);
    var summary = questionnaires.summary(campaign.questionnaireId()).orElseThrow();
    var version = questionnaires.version(summary.id(), summary.currentVersion());
    String shown =
        language != null && QuestionnaireSchemas.LANGUAGES.contains(language)
            ? language
            : campaign.language();
    return new SatisfactionSurveys.PublicSurvey(
        campaign.status() == Campaigns.Status.RUNNING ? "SENT" : "EXPIRED",
        shown,
        version.schema(shown),
        summary.title());
  }

  /** Records an answer (410 unless the campaign runs; 400 naming the field of a bad answer). */
  @Transactional
  public void answer(String token, String language, JsonNode answers) {
    Campaigns.Campaign campaign = campaigns.ofWebToken(token);
    String shown =
        language != null && QuestionnaireSchemas.LANGUAGES.contains(language)
            ? language
            : campaign.language();
    surveys.answer(campaigns.webInvitation(campaign, shown), answers);
  }
}

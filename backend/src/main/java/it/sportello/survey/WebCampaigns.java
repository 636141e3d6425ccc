package it.sportello.survey;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.shared.ConflictException;
import it.sportello.shared.NotFoundException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A WEB campaign's public page: while the campaign runs anyone with its open link may answer, each
 * answer an invitation of its own (purpose CAMPAIGN, no contact), stored, counted and exported like
 * any other. A campaign with tokens has no open link: each single-use token answers once; a retry
 * with the same answer gets the same result, a different answer a 409, and nothing is written twice
 * (the token's row is locked while its answer is recorded).
 */
@Service
public class WebCampaigns {

  /** What an answer recorded: ANSWERED, and when. */
  public record AnswerResult(String status, Instant answeredAt) {}

  private final Campaigns campaigns;
  private final Questionnaires questionnaires;
  private final SatisfactionSurveys surveys;
  private final Clock clock;

  WebCampaigns(
      Campaigns campaigns,
      Questionnaires questionnaires,
      SatisfactionSurveys surveys,
      Clock clock) {
    this.campaigns = campaigns;
    this.questionnaires = questionnaires;
    this.surveys = surveys;
    this.clock = clock;
  }

  /**
   * The questionnaire behind the link: status SENT while the campaign runs, else EXPIRED; a token
   * already used is ANSWERED.
   */
  @Transactional(readOnly = true)
  public SatisfactionSurveys.PublicSurvey show(String token, String language) {
    Campaigns.Campaign campaign = campaigns.ofWebToken(token);
    String shown = shown(campaign, language);
    if (campaign.webAccess() == Campaigns.WebAccess.TOKENS) {
      SatisfactionSurveys.PublicSurvey survey = surveys.show(token, shown);
      String status =
          "ANSWERED".equals(survey.status()) || campaign.status() == Campaigns.Status.RUNNING
              ? survey.status()
              : "EXPIRED";
      return new SatisfactionSurveys.PublicSurvey(
          status, survey.language(), survey.schema(), survey.questionnaireTitle());
    }
    var summary = questionnaires.summary(campaign.questionnaireId()).orElseThrow();
    var version = questionnaires.version(summary.id(), summary.currentVersion());
    return new SatisfactionSurveys.PublicSurvey(
        campaign.status() == Campaigns.Status.RUNNING ? "SENT" : "EXPIRED",
        shown,
        version.schema(shown),
        summary.title());
  }

  /**
   * Records an answer (410 unless the campaign runs; 400 naming the field of a bad answer; with a
   * token: the same result again for the same answer, 409 for a different one).
   */
  @Transactional
  public AnswerResult answer(String token, String language, JsonNode answers) {
    Campaigns.Campaign campaign = campaigns.ofWebToken(token);
    if (campaign.webAccess() == Campaigns.WebAccess.TOKENS) {
      return answerWithToken(campaign, token, answers);
    }
    surveys.answer(campaigns.webInvitation(campaign, shown(campaign, language)), answers);
    return new AnswerResult("ANSWERED", clock.instant());
  }

  private AnswerResult answerWithToken(
      Campaigns.Campaign campaign, String token, JsonNode answers) {
    Campaigns.TokenAnswer used =
        campaigns
            .lockWebToken(token)
            .orElseThrow(() -> new NotFoundException("No such questionnaire."));
    if (used.answerDigest() != null) {
      byte[] digest = surveys.answerDigest(used.invitationId(), answers);
      if (!MessageDigest.isEqual(digest, used.answerDigest())) {
        throw new ConflictException(409, "This questionnaire was already answered.");
      }
      return new AnswerResult("ANSWERED", used.answeredAt());
    }
    if (campaign.status() != Campaigns.Status.RUNNING) {
      throw new ConflictException(410, "This questionnaire is closed.");
    }
    byte[] digest = surveys.answerDigest(used.invitationId(), answers);
    surveys.answer(token, answers);
    campaigns.answeredWithToken(used.id(), digest);
    // as stored, so that a retry gets exactly this result
    return new AnswerResult("ANSWERED", campaigns.lockWebToken(token).orElseThrow().answeredAt());
  }

  private static String shown(Campaigns.Campaign campaign, String language) {
    return language != null && QuestionnaireSchemas.LANGUAGES.contains(language)
        ? language
        : campaign.language();
  }
}

package it.sportello.survey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The surveys' technical settings (what supervisors choose, e.g. which questionnaire is the CSAT,
 * lives in {@code satisfaction_setting}).
 *
 * @param publicBaseUrl where citizens reach the web application: the links in the mails are {@code
 *     <publicBaseUrl>/self-service/survey/<token>}
 * @param followUpWithin the due date of the supervisors' follow-up of a low score, from the answer
 */
@Validated
@ConfigurationProperties("sportello.survey")
public record SurveyProperties(
    @NotBlank @DefaultValue("http://localhost:8080") String publicBaseUrl,
    @NotNull @DefaultValue("P2D") Duration followUpWithin) {

  /** The public page of a WEB campaign's link. */
  public String webLink(String token) {
    String base =
        publicBaseUrl.endsWith("/")
            ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
            : publicBaseUrl;
    return base + "/self-service/campaign/" + token;
  }

  /** The public page of an invitation's token. */
  public String link(String token, String language) {
    String base =
        publicBaseUrl.endsWith("/")
            ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
            : publicBaseUrl;
    return base
        + "/self-service/survey/"
        + token
        + (language == null || language.equals("it") ? "" : "?lang=" + language);
  }
}

package it.sportello.chat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The chat's settings ({@code sportello.chat}).
 *
 * @param maxChatsPerOperator how many chats an operator handles at once
 * @param articles how many knowledge-base articles a bot answer cites at most
 * @param requestFormPath the web request form offered outside the service's hours
 * @param articlePath the public page of an article, {@code {id}} replaced by its id
 * @param pollSeconds how often the HTTP fallback asks for new messages (the widget's interval)
 */
@Validated
@ConfigurationProperties("sportello.chat")
public record ChatProperties(
    @Min(1) @Max(20) int maxChatsPerOperator,
    @Min(1) @Max(10) int articles,
    @NotBlank String requestFormPath,
    @NotBlank String articlePath,
    @Min(1) @Max(60) int pollSeconds) {

  public ChatProperties {
    maxChatsPerOperator = maxChatsPerOperator == 0 ? 3 : maxChatsPerOperator;
    articles = articles == 0 ? 3 : articles;
    requestFormPath = requestFormPath == null ? "/self-service/request" : requestFormPath;
    articlePath = articlePath == null ? "/self-service/kb/{id}" : articlePath;
    pollSeconds = pollSeconds == 0 ? 3 : pollSeconds;
  }
}

package it.sportello.chat;

import it.sportello.chat.ChatMessage.CitedArticle;
import it.sportello.kb.KnowledgeSearch;
import it.sportello.search.SearchHit;
import it.sportello.search.SearchUnavailableException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The bot's answers: the best public knowledge-base articles for the citizen's words (the same
 * search and the same audience rules as the public knowledge base: an anonymous reader sees only
 * public articles), each with its public page. When the search is unavailable the bot finds
 * nothing, and the citizen is offered an operator.
 */
@Component
class ChatBot {

  private static final Logger log = LoggerFactory.getLogger(ChatBot.class);

  private final KnowledgeSearch knowledge;
  private final ChatProperties properties;

  ChatBot(KnowledgeSearch knowledge, ChatProperties properties) {
    this.knowledge = knowledge;
    this.properties = properties;
  }

  List<CitedArticle> articles(String question, String language) {
    String text = question.length() > 500 ? question.substring(0, 500) : question;
    try {
      return knowledge
          .search(text, language, null, properties.articles(), List.of())
          .hits()
          .stream()
          .map(this::cite)
          .toList();
    } catch (SearchUnavailableException unavailable) {
      log.warn("Chat bot without the knowledge base: {}", unavailable.getMessage());
      return List.of();
    }
  }

  private CitedArticle cite(SearchHit hit) {
    return new CitedArticle(
        hit.sourceId(),
        hit.title(),
        properties.articlePath().replace("{id}", Long.toString(hit.sourceId())));
  }
}

package it.sportello.ticket.application;

import it.sportello.kb.Category;
import it.sportello.kb.CategoryTree;
import it.sportello.shared.InvalidRequestException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The topic and reason a new ticket is opened with. Operators pick them from the classification
 * tree (the knowledge base's topics and their reasons, as reclassification does); channels and API
 * clients that predate the tree may still send one of the topics the classification decision routes
 * by name, with a reason of their own.
 */
@Service
public class TicketClassification {

  /** Topics the classification decision (ticket-classification.dmn) knows by name. */
  public static final Set<String> ROUTING_TOPICS =
      Set.of("general", "payments", "privacy", "technical");

  private final CategoryTree tree;

  TicketClassification(CategoryTree tree) {
    this.tree = tree;
  }

  /**
   * Accepts a tree topic with, optionally, one of its own reasons, or a routing topic.
   *
   * @throws InvalidRequestException naming {@code category.topic} or {@code category.reason}
   */
  public void check(String topic, String reason) {
    if (topic == null) {
      return;
    }
    Optional<Category> node = tree.byCode(topic);
    if (node.isEmpty()) {
      if (ROUTING_TOPICS.contains(topic)) {
        return;
      }
      throw new InvalidRequestException(
          "category.topic", "unknown topic '" + topic + "': pick one of the classification");
    }
    if (node.get().depth() != 1) {
      throw new InvalidRequestException(
          "category.topic", "'" + topic + "' is not a topic of the classification");
    }
    if (reason == null || reason.isBlank()) {
      return;
    }
    Optional<Category> cause = tree.byCode(reason.strip());
    if (cause.isEmpty() || !Objects.equals(cause.get().parentId(), node.get().id())) {
      throw new InvalidRequestException(
          "category.reason", "no reason '" + reason + "' under the topic '" + topic + "'");
    }
  }
}

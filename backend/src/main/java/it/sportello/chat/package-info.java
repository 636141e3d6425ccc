/**
 * Web chat and chatbot (issue 21, ADR 0021): conversations with citizens stored in our tables
 * (messages numbered per conversation), the bot that answers with public knowledge-base articles,
 * the hand-off to operators (a queue, a per-operator limit), and the ticket each chat becomes
 * (channel {@code CHAT} or, when the bot alone answered, type {@code B} channel {@code CHATBOT}).
 * Delivery to sockets goes through the database: a message is stored, then PostgreSQL's {@code
 * NOTIFY} tells every node, which sends it to its own connected clients ({@link ChatHub}). The
 * bot's guided paths are BPMN processes {@code chat-path-*} ({@link GuidedPaths}; the engine only
 * in {@code chat.process}).
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "citizen",
      "contact",
      "document",
      "kb",
      "platform :: database",
      "platform :: process",
      "platform :: security",
      "search",
      "shared",
      "shared :: web",
      "sla",
      "survey",
      "ticket :: application",
      "ticket :: domain"
    })
package it.sportello.chat;

package it.sportello.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.chat.GuidedPaths.Answer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code chat_path}: the guided path of a chat and the answers collected. */
@Repository
class ChatPathStore {

  /** A chat's path. */
  record PathRow(
      long conversationId,
      String pathKey,
      String definitionId,
      String instanceId,
      String queue,
      List<Answer> answers,
      String status,
      String ending) {

    boolean running() {
      return "RUNNING".equals(status);
    }
  }

  private static final TypeReference<List<Answer>> ANSWERS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  ChatPathStore(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Starts (or, after an earlier path of the same chat, restarts) the chat's path. */
  void start(
      long conversationId,
      String pathKey,
      String definitionId,
      String instanceId,
      String queue,
      Instant now) {
    jdbc.sql(
            "insert into sportello.chat_path (conversation_id, path_key, definition_id,"
                + " process_instance_id, queue, answers, status, started_at)"
                + " values (?, ?, ?, ?, ?, '[]', 'RUNNING', ?)"
                + " on conflict (conversation_id) do update set path_key = excluded.path_key,"
                + " definition_id = excluded.definition_id,"
                + " process_instance_id = excluded.process_instance_id, queue = excluded.queue,"
                + " answers = '[]', status = 'RUNNING', ending = null,"
                + " started_at = excluded.started_at, ended_at = null")
        .params(conversationId, pathKey, definitionId, instanceId, queue, Timestamp.from(now))
        .update();
  }

  Optional<PathRow> find(long conversationId) {
    return jdbc.sql("select * from sportello.chat_path where conversation_id = ?")
        .param(conversationId)
        .query(
            (rs, row) ->
                new PathRow(
                    rs.getLong("conversation_id"),
                    rs.getString("path_key"),
                    rs.getString("definition_id"),
                    rs.getString("process_instance_id"),
                    rs.getString("queue"),
                    read(rs.getString("answers")),
                    rs.getString("status"),
                    rs.getString("ending")))
        .optional();
  }

  void answered(long conversationId, Answer answer) {
    List<Answer> answers =
        new ArrayList<>(find(conversationId).map(PathRow::answers).orElse(List.of()));
    answers.add(answer);
    jdbc.sql("update sportello.chat_path set answers = ? where conversation_id = ?")
        .params(write(answers), conversationId)
        .update();
  }

  void end(long conversationId, String status, String ending, Instant now) {
    jdbc.sql(
            "update sportello.chat_path set status = ?, ending = ?, ended_at = ?"
                + " where conversation_id = ?")
        .params(status, ending, Timestamp.from(now), conversationId)
        .update();
  }

  /** What the citizen wrote last in the chat. */
  Optional<String> lastCitizenWords(long conversationId) {
    return jdbc.sql(
            "select body from sportello.chat_message where conversation_id = ?"
                + " and author_kind = 'CITIZEN' order by seq desc limit 1")
        .param(conversationId)
        .query(String.class)
        .optional();
  }

  private List<Answer> read(String text) {
    try {
      return text == null ? List.of() : json.readValue(text, ANSWERS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String write(List<Answer> answers) {
    try {
      return json.writeValueAsString(answers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

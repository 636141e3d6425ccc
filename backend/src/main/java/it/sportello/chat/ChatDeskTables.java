package it.sportello.chat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the operators' tools read and write besides the conversation: queues, transfers. */
@Repository
class ChatDeskTables {

  private final JdbcClient jdbc;

  ChatDeskTables(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<String> queueOf(long id) {
    return jdbc.sql("select queue from sportello.chat_conversation where id = ?")
        .param(id)
        .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
        .optional()
        .flatMap(queue -> queue);
  }

  boolean queueExists(String code) {
    return jdbc.sql("select count(*) from sportello.queue where code = ?")
            .param(code)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** Place in its own queue (1 is next): the chats of the same queue queued before it, plus one. */
  int position(long id) {
    return jdbc.sql(
            """
            select count(*) + 1 from sportello.chat_conversation other, sportello.chat_conversation me
            where me.id = ? and other.status = 'QUEUED' and other.queue is not distinct from me.queue
              and (other.queued_at < me.queued_at or (other.queued_at = me.queued_at and other.id < me.id))""")
        .param(id)
        .query(Integer.class)
        .single();
  }

  /**
   * The average minutes from the operator's taking to the closing, over the queue's latest {@code
   * sample} chats closed by an operator since {@code since}, and how many there were.
   */
  double[] handling(String queue, Instant since, int sample) {
    return jdbc.sql(
            """
            select count(*), coalesce(avg(minutes), 0) from (
              select extract(epoch from closed_at - assigned_at) / 60.0 as minutes
              from sportello.chat_conversation
              where queue = ? and outcome in ('SOLVED', 'TICKET') and assigned_at is not null
                and closed_at >= ?
              order by closed_at desc limit ?) latest""")
        .params(queue, Timestamp.from(since), sample)
        .query((rs, n) -> new double[] {rs.getLong(1), rs.getDouble(2)})
        .single();
  }

  /**
   * Operators handling a chat of the queue now, or who took one of its chats since {@code since}.
   */
  int answering(String queue, Instant since) {
    return jdbc.sql(
            """
            select count(distinct operator) from sportello.chat_conversation
            where queue = ? and operator is not null
              and (status = 'ACTIVE' or assigned_at >= ?)""")
        .params(queue, Timestamp.from(since))
        .query(Integer.class)
        .single();
  }

  /** How many chats these operators handle now (their free places are the limit minus these). */
  int active(String queue) {
    return jdbc.sql(
            "select count(*) from sportello.chat_conversation where queue = ? and status = 'ACTIVE'")
        .param(queue)
        .query(Integer.class)
        .single();
  }

  void toOperator(long id, String operator, Instant now) {
    jdbc.sql(
            "update sportello.chat_conversation set operator = ?, assigned_at = ? where id = ?"
                + " and status = 'ACTIVE'")
        .params(operator, Timestamp.from(now), id)
        .update();
  }

  /** Back to a queue, keeping its time of queueing (the citizen does not lose their place). */
  void toQueue(long id, String queue) {
    jdbc.sql(
            "update sportello.chat_conversation set status = 'QUEUED', queue = ?, operator = null,"
                + " assigned_at = null where id = ? and status = 'ACTIVE'")
        .params(queue, id)
        .update();
  }

  void recordTransfer(
      long id, String from, String toOperator, String toQueue, String note, Instant now) {
    jdbc.sql(
            "insert into sportello.chat_transfer (conversation_id, from_operator, to_operator,"
                + " to_queue, note, transferred_at) values (?, ?, ?, ?, ?, ?)")
        .params(id, from, toOperator, toQueue, note, Timestamp.from(now))
        .update();
  }

  List<ChatDesk.Transfer> transfers(long id) {
    return jdbc.sql("select * from sportello.chat_transfer where conversation_id = ? order by id")
        .param(id)
        .query(
            (rs, n) ->
                new ChatDesk.Transfer(
                    rs.getString("from_operator"),
                    rs.getString("to_operator"),
                    rs.getString("to_queue"),
                    rs.getString("note"),
                    rs.getTimestamp("transferred_at").toInstant()))
        .list();
  }
}

package it.sportello.distribution;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each operator's capacity per channel ({@code distribution_capacity}; {@link Capacity#DEFAULT}
 * where none is set) and their load: a call in progress (telephony), the offline tasks they hold
 * (the engine). Chats count zero until the chat channel reports them.
 */
@Service
public class Capacities {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final QueueTasksPort tasks;

  Capacities(JdbcTemplate jdbcTemplate, Clock clock, QueueTasksPort tasks) {
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.clock = clock;
    this.tasks = tasks;
  }

  public Capacity of(String operator) {
    Map<WorkChannel, Integer> own = new EnumMap<>(WorkChannel.class);
    jdbc.sql("select channel, max_items from sportello.distribution_capacity where operator = :o")
        .param("o", operator)
        .query(
            rs -> {
              own.put(WorkChannel.valueOf(rs.getString("channel")), rs.getInt("max_items"));
            });
    return Capacity.DEFAULT.with(own);
  }

  /** Sets the operator's capacity for the channels given. */
  @Transactional
  public Capacity set(String operator, Map<WorkChannel, Integer> max, String by) {
    if (max == null || max.isEmpty()) {
      throw new it.sportello.shared.InvalidRequestException(
          "capacity", "name at least one channel (PHONE, CHAT, OFFLINE) with its capacity");
    }
    max.forEach(
        (channel, items) -> {
          if (items == null || items < 0 || items > 20) {
            throw new it.sportello.shared.InvalidRequestException(
                channel.name(), "must be between 0 and 20");
          }
        });
    max.forEach(
        (channel, items) ->
            jdbc.sql(
                    """
                    insert into sportello.distribution_capacity
                        (operator, channel, max_items, updated_by, updated_at)
                    values (:o, :c, :m, :by, :now)
                    on conflict (operator, channel) do update set max_items = excluded.max_items,
                        updated_by = excluded.updated_by, updated_at = excluded.updated_at
                    """)
                .param("o", operator)
                .param("c", channel.name())
                .param("m", items)
                .param("by", by)
                .param("now", Timestamp.from(clock.instant()))
                .update());
    return of(operator);
  }

  /** The work each operator holds now, per channel. */
  public Map<String, Map<WorkChannel, Integer>> load(
      Collection<String> operators, Map<String, Presences.OperatorPresence> presence) {
    Map<String, Integer> held = tasks.held(operators);
    Map<String, Map<WorkChannel, Integer>> load = new HashMap<>();
    for (String operator : operators) {
      Map<WorkChannel, Integer> channels = new EnumMap<>(WorkChannel.class);
      Presences.OperatorPresence p = presence.get(operator);
      channels.put(WorkChannel.PHONE, p != null && p.onCall() ? 1 : 0);
      channels.put(WorkChannel.CHAT, 0);
      channels.put(WorkChannel.OFFLINE, held.getOrDefault(operator, 0));
      load.put(operator, channels);
    }
    return load;
  }
}

package it.sportello.channel.phone;

import io.swagger.v3.oas.annotations.media.Schema;
import it.sportello.channel.phone.AgentStatus.Change;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ACD agents' current state ({@code phone_agent_state}): changed by {@link PhoneEvents} in the
 * transaction of the event that reports it (so an event id changes it once), read by the
 * supervisors' wallboard.
 */
@Service
public class AgentStates {

  /** Agents logged out for longer than this are counted but not listed. */
  static final Duration LIST_LOGGED_OUT_FOR = Duration.ofDays(1);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  AgentStates(JdbcTemplate jdbcTemplate, Clock clock, ApplicationEventPublisher events) {
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.clock = clock;
    this.events = events;
  }

  /** Applies the change unless a newer one is known; runs in the caller's transaction. */
  void apply(Change change, String eventId) {
    Optional<AgentStatus> current = lock(change.agent());
    if (current.isEmpty()) {
      AgentStatus first = AgentStatus.first(change);
      if (insert(first, eventId)) {
        changed(first);
        return;
      }
      // another event of the same agent inserted it meanwhile
      current = lock(change.agent());
    }
    AgentStatus before = current.orElseThrow();
    before
        .after(change)
        .ifPresent(
            next -> {
              update(next, eventId);
              if (next.state() != before.state()
                  || !java.util.Objects.equals(next.callId(), before.callId())) {
                changed(next);
              }
            });
  }

  /** Tells other modules (work distribution) in this transaction. */
  private void changed(AgentStatus status) {
    events.publishEvent(
        new AgentStateChanged(status.agent(), status.state(), status.since(), status.callId()));
  }

  /** How many agents are in each state, and who is in which. */
  @Schema(description = "The ACD agents by state, live")
  public record AgentBoard(
      @Schema(description = "When the board was read") Instant asOf,
      @Schema(description = "Agents per state, every state (zero included), in a fixed order")
          List<AgentStateCount> counts,
      @Schema(
              description =
                  "The agents with their state, by state then agent (those logged out for over a"
                      + " day are counted, not listed)")
          List<AgentStatusView> agents) {}

  public record AgentStateCount(AgentState state, long agents) {}

  public record AgentStatusView(
      @Schema(description = "Sportello user id of the agent") String agent,
      AgentState state,
      @Schema(description = "When the agent entered the state (telephony platform's time)")
          Instant since,
      @Schema(description = "The queue the agent works in, if the platform said") String queue,
      @Schema(description = "ON_CALL: the call in progress; WRAP_UP: the call just ended")
          String callId) {}

  @Transactional(readOnly = true)
  public AgentBoard board() {
    Instant now = clock.instant();
    List<AgentStatus> all =
        jdbc.sql(
                """
                select agent, state, since, last_event_at, queue, call_id
                from sportello.phone_agent_state order by agent
                """)
            .query(AgentStates::status)
            .list();
    Map<AgentState, Long> byState =
        all.stream()
            .collect(
                Collectors.groupingBy(
                    AgentStatus::state,
                    () -> new EnumMap<>(AgentState.class),
                    Collectors.counting()));
    Instant listedSince = now.minus(LIST_LOGGED_OUT_FOR);
    return new AgentBoard(
        now,
        Arrays.stream(AgentState.values())
            .map(state -> new AgentStateCount(state, byState.getOrDefault(state, 0L)))
            .toList(),
        all.stream()
            .filter(a -> a.state() != AgentState.LOGGED_OUT || !a.since().isBefore(listedSince))
            .sorted(
                (a, b) ->
                    a.state() != b.state()
                        ? a.state().compareTo(b.state())
                        : a.agent().compareTo(b.agent()))
            .map(a -> new AgentStatusView(a.agent(), a.state(), a.since(), a.queue(), a.callId()))
            .toList());
  }

  private Optional<AgentStatus> lock(String agent) {
    return jdbc.sql(
            """
            select agent, state, since, last_event_at, queue, call_id
            from sportello.phone_agent_state where agent = :agent for update
            """)
        .param("agent", agent)
        .query(AgentStates::status)
        .optional();
  }

  private boolean insert(AgentStatus status, String eventId) {
    return jdbc.sql(
                """
                insert into sportello.phone_agent_state
                    (agent, state, since, last_event_at, queue, call_id, event_id, updated_at)
                values (:agent, :state, :since, :lastEventAt, :queue, :callId, :eventId, :now)
                on conflict (agent) do nothing
                """)
            .params(params(status, eventId))
            .update()
        == 1;
  }

  private void update(AgentStatus status, String eventId) {
    jdbc.sql(
            """
            update sportello.phone_agent_state
            set state = :state, since = :since, last_event_at = :lastEventAt, queue = :queue,
                call_id = :callId, event_id = :eventId, updated_at = :now
            where agent = :agent
            """)
        .params(params(status, eventId))
        .update();
  }

  private Map<String, Object> params(AgentStatus status, String eventId) {
    Map<String, Object> params = new HashMap<>();
    params.put("agent", status.agent());
    params.put("state", status.state().name());
    params.put("since", Timestamp.from(status.since()));
    params.put("lastEventAt", Timestamp.from(status.lastEventAt()));
    params.put("queue", status.queue());
    params.put("callId", status.callId());
    params.put("eventId", eventId);
    params.put("now", Timestamp.from(clock.instant()));
    return params;
  }

  private static AgentStatus status(ResultSet rs, int row) throws SQLException {
    return new AgentStatus(
        rs.getString("agent"),
        AgentState.valueOf(rs.getString("state")),
        rs.getTimestamp("since").toInstant(),
        rs.getTimestamp("last_event_at").toInstant(),
        rs.getString("queue"),
        rs.getString("call_id"));
  }
}

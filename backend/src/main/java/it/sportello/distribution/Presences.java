package it.sportello.distribution;

import io.swagger.v3.oas.annotations.media.Schema;
import it.sportello.channel.phone.AgentStateChanged;
import it.sportello.shared.InvalidRequestException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' presence ({@code distribution_presence}) and every change of it ({@code
 * distribution_presence_log}). An operator sets AVAILABLE, PAUSED (with a configured reason) or
 * OFFLINE; BUSY comes from the work: a call (the telephony platform's agent states) or work up to
 * the capacity. An operator never seen is OFFLINE.
 */
@Service
public class Presences {

  /** The pause reason set when an operator lets offers time out. */
  public static final String MISSED_OFFERS = "MISSED_OFFERS";

  /** The pause reason set when the telephony platform reports a pause. */
  public static final String TELEPHONY_PAUSE = "TELEPHONY";

  private final JdbcClient jdbc;
  private final Clock clock;

  Presences(JdbcTemplate jdbcTemplate, Clock clock) {
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.clock = clock;
  }

  @Schema(description = "An operator's presence now")
  public record OperatorPresence(
      String operator,
      PresenceState state,
      @Schema(description = "PAUSED: the reason's code (see the reasons list)") String reason,
      PresenceSource source,
      @Schema(description = "When the operator entered the state") Instant since,
      @Schema(description = "Since when the operator has been idle (AVAILABLE)") Instant idleSince,
      @Schema(description = "A call is in progress (telephony platform)") boolean onCall,
      @Schema(description = "Offers let time out since the operator last answered one")
          int missedOffers) {}

  @Schema(description = "A reason an operator may pause for")
  public record PauseReason(
      String code,
      String nameIt,
      String nameEn,
      @Schema(description = "Set by the application only, never chosen by an operator")
          boolean system) {}

  public List<PauseReason> reasons() {
    return jdbc.sql(
            "select code, name_it, name_en, system from sportello.distribution_pause_reason"
                + " order by system, code")
        .query(
            (rs, row) ->
                new PauseReason(
                    rs.getString("code"),
                    rs.getString("name_it"),
                    rs.getString("name_en"),
                    rs.getBoolean("system")))
        .list();
  }

  /** The operator's presence (OFFLINE if never set). */
  @Transactional(readOnly = true)
  public OperatorPresence of(String operator) {
    return find(operator).orElse(offline(operator));
  }

  /** The presence of each of the operators (OFFLINE if never set). */
  @Transactional(readOnly = true)
  public Map<String, OperatorPresence> of(Collection<String> operators) {
    Map<String, OperatorPresence> all = new HashMap<>();
    if (operators.isEmpty()) {
      return all;
    }
    jdbc.sql(SELECT + " where operator in (:operators)")
        .param("operators", operators)
        .query(Presences::presence)
        .list()
        .forEach(presence -> all.put(presence.operator(), presence));
    operators.forEach(operator -> all.putIfAbsent(operator, offline(operator)));
    return all;
  }

  /** Every operator ever seen, with their presence now. */
  @Transactional(readOnly = true)
  public List<OperatorPresence> all() {
    return jdbc.sql(SELECT + " order by operator").query(Presences::presence).list();
  }

  /**
   * The operator sets their own presence: AVAILABLE, PAUSED with a configured (non-system) reason,
   * or OFFLINE.
   *
   * @throws InvalidRequestException naming {@code state} or {@code reason}
   */
  @Transactional
  public OperatorPresence set(String operator, PresenceState state, String reason) {
    if (state == null || state == PresenceState.BUSY) {
      throw new InvalidRequestException(
          "state", "must be AVAILABLE, PAUSED or OFFLINE (BUSY is set by the work)");
    }
    if (state == PresenceState.PAUSED) {
      boolean configured =
          reason != null
              && jdbc.sql(
                          "select count(*) from sportello.distribution_pause_reason"
                              + " where code = :code and not system")
                      .param("code", reason)
                      .query(Long.class)
                      .single()
                  > 0;
      if (!configured) {
        throw new InvalidRequestException(
            "reason", "a pause needs one of the configured reasons (GET /api/me/presence/reasons)");
      }
    } else {
      reason = null;
    }
    change(operator, state, reason, PresenceSource.OPERATOR);
    if (state == PresenceState.AVAILABLE) {
      jdbc.sql("update sportello.distribution_presence set missed_offers = 0 where operator = :o")
          .param("o", operator)
          .update();
    }
    return of(operator);
  }

  /**
   * Moves the operator's presence (a no-op when nothing changes), closing the previous log entry
   * and opening a new one; runs in the caller's transaction.
   */
  OperatorPresence change(
      String operator, PresenceState state, String reason, PresenceSource source) {
    OperatorPresence current = lock(operator);
    if (current.state() == state && java.util.Objects.equals(current.reason(), reason)) {
      return current;
    }
    Instant now = clock.instant();
    jdbc.sql(
            "update sportello.distribution_presence_log set ended_at = :now where id = ("
                + "select log_id from sportello.distribution_presence where operator = :o)")
        .param("now", Timestamp.from(now))
        .param("o", operator)
        .update();
    long logId =
        jdbc.sql(
                """
                insert into sportello.distribution_presence_log
                    (operator, state, reason, source, started_at)
                values (:o, :state, :reason, :source, :now) returning id
                """)
            .param("o", operator)
            .param("state", state.name())
            .param("reason", reason)
            .param("source", source.name())
            .param("now", Timestamp.from(now))
            .query(Long.class)
            .single();
    boolean becomesIdle =
        state == PresenceState.AVAILABLE && current.state() != PresenceState.AVAILABLE;
    jdbc.sql(
            """
            update sportello.distribution_presence
            set state = :state, reason = :reason, source = :source, since = :now, log_id = :log,
                idle_since = case when :idle then :now
                                  when :state = 'AVAILABLE' then idle_since else null end
            where operator = :o
            """)
        .param("state", state.name())
        .param("reason", reason)
        .param("source", source.name())
        .param("now", Timestamp.from(now))
        .param("log", logId)
        .param("idle", becomesIdle)
        .param("o", operator)
        .update();
    return find(operator).orElseThrow();
  }

  /** An offer was let time out: counted; at {@code threshold} the operator is paused. */
  void missedOffer(String operator, int threshold) {
    OperatorPresence current = lock(operator);
    int missed = current.missedOffers() + 1;
    jdbc.sql("update sportello.distribution_presence set missed_offers = :m where operator = :o")
        .param("m", missed)
        .param("o", operator)
        .update();
    if (missed >= threshold && current.state() == PresenceState.AVAILABLE) {
      change(operator, PresenceState.PAUSED, MISSED_OFFERS, PresenceSource.SYSTEM);
    }
  }

  /** An offer was answered: the count of missed ones starts again. */
  void answeredOffer(String operator) {
    jdbc.sql("update sportello.distribution_presence set missed_offers = 0 where operator = :o")
        .param("o", operator)
        .update();
  }

  /**
   * The telephony platform moved the agent: a call (ON_CALL, WRAP_UP) makes them BUSY; AVAILABLE
   * and PAUSED follow the platform; LOGGED_OUT makes OFFLINE an operator whose presence the
   * platform had set, and leaves the others as they are.
   */
  @EventListener
  @Transactional
  public void onAgentState(AgentStateChanged event) {
    OperatorPresence current = lock(event.agent());
    boolean onCall =
        switch (event.state()) {
          case ON_CALL, WRAP_UP -> true;
          default -> false;
        };
    jdbc.sql("update sportello.distribution_presence set on_call = :c where operator = :o")
        .param("c", onCall)
        .param("o", event.agent())
        .update();
    switch (event.state()) {
      case ON_CALL, WRAP_UP ->
          change(event.agent(), PresenceState.BUSY, null, PresenceSource.TELEPHONY);
      case AVAILABLE ->
          change(event.agent(), PresenceState.AVAILABLE, null, PresenceSource.TELEPHONY);
      case PAUSED ->
          change(event.agent(), PresenceState.PAUSED, TELEPHONY_PAUSE, PresenceSource.TELEPHONY);
      case LOGGED_OUT -> {
        if (current.source() == PresenceSource.TELEPHONY) {
          change(event.agent(), PresenceState.OFFLINE, null, PresenceSource.TELEPHONY);
        }
      }
    }
  }

  /** The operator's row, locked (created OFFLINE first if missing). */
  private OperatorPresence lock(String operator) {
    jdbc.sql(
            """
            insert into sportello.distribution_presence (operator, state, source, since)
            values (:o, 'OFFLINE', 'OPERATOR', :now) on conflict (operator) do nothing
            """)
        .param("o", operator)
        .param("now", Timestamp.from(clock.instant()))
        .update();
    return jdbc.sql(SELECT + " where operator = :o for update")
        .param("o", operator)
        .query(Presences::presence)
        .single();
  }

  private Optional<OperatorPresence> find(String operator) {
    return jdbc.sql(SELECT + " where operator = :o")
        .param("o", operator)
        .query(Presences::presence)
        .optional();
  }

  private OperatorPresence offline(String operator) {
    return new OperatorPresence(
        operator, PresenceState.OFFLINE, null, PresenceSource.OPERATOR, null, null, false, 0);
  }

  private static final String SELECT =
      "select operator, state, reason, source, since, idle_since, on_call, missed_offers"
          + " from sportello.distribution_presence";

  private static OperatorPresence presence(ResultSet rs, int row) throws SQLException {
    Timestamp idle = rs.getTimestamp("idle_since");
    return new OperatorPresence(
        rs.getString("operator"),
        PresenceState.valueOf(rs.getString("state")),
        rs.getString("reason"),
        PresenceSource.valueOf(rs.getString("source")),
        rs.getTimestamp("since").toInstant(),
        idle == null ? null : idle.toInstant(),
        rs.getBoolean("on_call"),
        rs.getInt("missed_offers"));
  }
}

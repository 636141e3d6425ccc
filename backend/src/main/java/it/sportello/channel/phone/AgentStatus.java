package it.sportello.channel.phone;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent's state as the telephony platform last told us, and how a change moves it. Events may
 * arrive out of order: a change older than the last one applied changes nothing; a repeated state
 * keeps the time the agent entered it.
 *
 * @param since when the agent entered the state (platform time)
 * @param lastEventAt platform time of the latest change applied
 * @param queue the queue the agent works in, as last given
 * @param callId ON_CALL: the call in progress; WRAP_UP after a call: the call that ended
 */
public record AgentStatus(
    String agent,
    AgentState state,
    Instant since,
    Instant lastEventAt,
    String queue,
    String callId) {

  /**
   * What the platform reported: an agent state (explicit) or a call the agent answered or ended.
   */
  record Change(
      String agent, AgentState state, Instant at, String queue, String callId, boolean fromCall) {

    /** An AGENT_STATE event. */
    static Change reported(String agent, AgentState state, Instant at, String queue) {
      return new Change(agent, state, at, queue, null, false);
    }

    /** The agent answered the call (or it was transferred to the agent). */
    static Change answered(String agent, Instant at, String queue, String callId) {
      return new Change(agent, AgentState.ON_CALL, at, queue, callId, true);
    }

    /** The agent's answered call ended (or the agent transferred it): after-call work. */
    static Change callEnded(String agent, Instant at, String queue, String callId) {
      return new Change(agent, AgentState.WRAP_UP, at, queue, callId, true);
    }

    String call() {
      return state == AgentState.ON_CALL || state == AgentState.WRAP_UP ? callId : null;
    }
  }

  /** The first state known of an agent. */
  static AgentStatus first(Change change) {
    return new AgentStatus(
        change.agent(), change.state(), change.at(), change.at(), change.queue(), change.call());
  }

  /** The state after the change, or empty if the change does not apply. */
  Optional<AgentStatus> after(Change change) {
    if (change.at().isBefore(lastEventAt)) {
      // older than what we know: a late event
      return Optional.empty();
    }
    if (change.fromCall()
        && change.state() == AgentState.WRAP_UP
        && state == AgentState.ON_CALL
        && callId != null
        && !callId.equals(change.callId())) {
      // another call ended: the agent is still talking on this one
      return Optional.empty();
    }
    boolean same = state == change.state() && Objects.equals(callId, change.call());
    return Optional.of(
        new AgentStatus(
            agent,
            change.state(),
            same ? since : change.at(),
            change.at(),
            change.queue() != null ? change.queue() : queue,
            change.call()));
  }
}

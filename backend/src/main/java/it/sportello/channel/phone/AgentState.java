package it.sportello.channel.phone;

import io.swagger.v3.oas.annotations.media.Schema;

/** What an agent of the ACD is doing, as a supervisor's wallboard shows it. */
@org.springframework.modulith.NamedInterface("phone")
@Schema(
    description =
        "State of an ACD agent: LOGGED_OUT (not logged in to any queue), AVAILABLE (ready: calls"
            + " may be offered), ON_CALL (talking), WRAP_UP (after-call work: the call ended, the"
            + " agent is not yet ready), PAUSED (logged in but not ready: break, training, back"
            + " office)")
public enum AgentState {
  /** Not logged in to any queue. */
  LOGGED_OUT,
  /** Logged in and ready: the ACD may offer calls. */
  AVAILABLE,
  /** Talking with a caller. */
  ON_CALL,
  /** After-call work: the call ended, the agent is not yet ready for the next one. */
  WRAP_UP,
  /** Logged in but not ready (break, training, back-office work). */
  PAUSED
}

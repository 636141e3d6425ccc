package it.sportello.channel.phone;

import java.time.Instant;

/**
 * Published (synchronously, in the transaction of the telephony event) when an ACD agent's state
 * changed, so that other modules (work distribution) follow the agent without knowing the phone
 * tables.
 *
 * @param agent the Sportello user id of the agent
 * @param at the platform's time of the change
 * @param callId ON_CALL and WRAP_UP: the call
 */
@org.springframework.modulith.NamedInterface("phone")
public record AgentStateChanged(String agent, AgentState state, Instant at, String callId) {}

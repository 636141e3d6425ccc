package it.sportello.channel.phone.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.channel.phone.AgentStates;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The supervisors' wallboard of the ACD agents: how many in each state, who and since when. */
@Tag(name = "Phone")
@RestController
class AgentBoardController {

  private final AgentStates agents;

  AgentBoardController(AgentStates agents) {
    this.agents = agents;
  }

  @Operation(
      summary = "The ACD agents by state, live (supervisors, managers, auditors)",
      description =
          "Counts every state (zero included) and lists the agents with their state, since when,"
              + " their queue and the call in progress. States come from the telephony platform's"
              + " AGENT_STATE events and from the calls (answered: ON_CALL; ended: WRAP_UP); an"
              + " event older than the agent's last one changes nothing. Agents logged out for over"
              + " a day are counted but not listed.")
  @GetMapping("/api/phone/agents")
  AgentStates.AgentBoard agents() {
    return agents.board();
  }
}

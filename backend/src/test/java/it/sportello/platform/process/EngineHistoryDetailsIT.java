package it.sportello.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine keeps a ticket's variables (their latest values, which the data subject's export
 * reads), but writes no detail row per variable change and, while it runs, no activity history
 * (issue 26: fewer writes per process step; {@link EngineHistoryLevel}).
 */
class EngineHistoryDetailsIT extends IntegrationTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void aTicketsProcessKeepsItsVariablesWithoutADetailRowPerChange() {
    ResponseEntity<JsonNode> opened =
        post("/api/tickets", "operator1", ticketRequest(fiscalCode(), "History details"));
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = opened.getBody().get("number").asText();
    String instance =
        jdbc.queryForObject(
            "select id_ from act_hi_procinst where business_key_ = ?", String.class, number);
    Integer variables =
        jdbc.queryForObject(
            "select count(*) from act_hi_varinst where proc_inst_id_ = ?", Integer.class, instance);
    Integer activities =
        jdbc.queryForObject(
            "select count(*) from act_hi_actinst where proc_inst_id_ = ?", Integer.class, instance);
    Integer details =
        jdbc.queryForObject(
            "select count(*) from act_hi_detail where proc_inst_id_ = ?", Integer.class, instance);
    assertThat(variables).isPositive();
    // activity instances but end events are not written either (EngineHistoryLevel)
    assertThat(activities).isZero();
    assertThat(details).isZero();
  }
}

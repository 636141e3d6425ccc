package it.sportello.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Staff replies to a web request go back on the answer channel the citizen chose on the form. */
class WebAnswerChannelIT extends IntegrationTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void aWebRequestAnsweredByPecGetsItsRepliesByPecAndOneByEmailByEmail() {
    String byPec = webTicket("PEC");
    String byEmail = webTicket("EMAIL");
    for (String number : new String[] {byPec, byEmail}) {
      assertThat(
              post(
                      "/api/tickets/" + number + "/replies",
                      "operator1",
                      Map.of("text", "Le inviamo la risposta richiesta."))
                  .getStatusCode())
          .isEqualTo(HttpStatus.ACCEPTED);
    }
    assertThat(replyChannel(byPec)).isEqualTo("PEC");
    assertThat(replyChannel(byEmail)).isEqualTo("EMAIL");
  }

  private String webTicket(String answerChannel) {
    ResponseEntity<JsonNode> opened =
        post(
            "/api/tickets",
            "api-client",
            ticketRequest(fiscalCode(), "Risposta via " + answerChannel));
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = opened.getBody().get("number").asText();
    // as the public form stores it (WebRequests): the chosen channel in the ticket's context
    jdbc.update(
        "update sportello.ticket set context = coalesce(context, '{}'::jsonb)"
            + " || jsonb_build_object('answerChannel', ?::text) where number = ?",
        answerChannel,
        number);
    return number;
  }

  private String replyChannel(String number) {
    return jdbc.queryForObject(
        "select n.channel from sportello.notification_outbox n join sportello.ticket t"
            + " on t.id = n.ticket_id where t.number = ? and n.template = 'OPERATOR_REPLY'",
        String.class,
        number);
  }
}

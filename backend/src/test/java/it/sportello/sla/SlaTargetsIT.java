package it.sportello.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.ResponseEntity;

/**
 * The contract's examples, through the API: demo calendar (Mon-Fri 08-20, Sat 08-14, Europe/Rome,
 * national holidays, patron saint 29 June) and demo policy (take in charge within 4 working hours).
 */
class SlaTargetsIT extends IntegrationTest {

  @ParameterizedTest(name = "received {0} → take in charge by {1}")
  @CsvSource({
    "2026-11-27T19:30:00+01:00, 2026-11-28T11:30:00+01:00",
    "2026-11-28T13:00:00+01:00, 2026-11-30T11:00:00+01:00",
    "2026-12-07T18:00:00+01:00, 2026-12-09T10:00:00+01:00",
    "2026-06-27T13:00:00+02:00, 2026-06-30T11:00:00+02:00",
    "2027-03-27T13:30:00+01:00, 2027-03-30T11:30:00+02:00"
  })
  void takeInChargeTargetFollowsTheServiceCalendar(String receivedAt, String expectedDue) {
    clock.pin(Instant.parse("2027-06-01T10:00:00Z"));
    Map<String, Object> request =
        ticketRequest(fiscalCode(), "Richiesta ricevuta il " + receivedAt);
    request.put("receivedAt", receivedAt);

    ResponseEntity<JsonNode> response = post("/api/tickets", "api-client", request);

    assertThat(response.getBody().at("/sla/takeInChargeDueAt").asText())
        .as(response.toString())
        .isEqualTo(expectedDue);
  }
}

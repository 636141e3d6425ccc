package it.sportello.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The API is documented for client systems: OpenAPI at /v3/api-docs, Swagger UI beside it. */
class ApiDocsIT extends IntegrationTest {

  @Test
  void openApiDocumentDescribesTheTicketApi() {
    JsonNode document = get("/v3/api-docs", null).getBody();

    assertThat(document.get("paths").fieldNames())
        .toIterable()
        .contains(
            "/api/tickets",
            "/api/tickets/{number}",
            "/api/tickets/{number}/messages",
            "/api/contacts/{id}/history",
            "/api/tasks",
            "/api/tasks/{taskId}/complete");
    assertThat(document.at("/paths/~1api~1tickets/post/parameters").findValuesAsText("name"))
        .contains("Idempotency-Key");
    assertThat(document.at("/components/schemas/OpenTicketRequest/required")).isNotEmpty();
  }

  @Test
  void swaggerUiIsServed() {
    assertThat(rest.getForEntity("/swagger-ui/index.html", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }
}

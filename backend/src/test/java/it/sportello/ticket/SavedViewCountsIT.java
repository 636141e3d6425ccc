package it.sportello.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.ticket.application.TicketSearch;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The counts of the saved views: capped like the search, and given up ("unknown") when the count
 * takes longer than its statement timeout, instead of holding up the page.
 */
class SavedViewCountsIT extends IntegrationTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  @Test
  void countsAreKnownAndCappedWhenTheDatabaseAnswers() {
    ResponseEntity<JsonNode> views = get("/api/tickets/views", "supervisor");
    assertThat(views.getStatusCode()).isEqualTo(HttpStatus.OK);
    for (JsonNode view : views.getBody()) {
      assertThat(view.get("countKnown").asBoolean()).as("%s", view).isTrue();
      assertThat(view.get("count").asLong()).isLessThanOrEqualTo(TicketSearch.COUNT_LIMIT);
      if (!view.get("countExact").asBoolean()) {
        assertThat(view.get("count").asLong()).isEqualTo(TicketSearch.COUNT_LIMIT);
      }
    }
  }

  @Test
  void aCountThatCannotFinishInTimeIsUnknownAndThePageStillAnswers() throws Exception {
    // another transaction holds the ticket table: every count waits for it until its timeout
    try (Connection blocker = dataSource.getConnection()) {
      blocker.setAutoCommit(false);
      try (Statement statement = blocker.createStatement()) {
        statement.execute("lock table sportello.ticket in access exclusive mode");
        ResponseEntity<JsonNode> views = get("/api/tickets/views", "operator1");

        assertThat(views.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(views.getBody().size()).isGreaterThanOrEqualTo(4);
        for (JsonNode view : views.getBody()) {
          assertThat(view.get("countKnown").asBoolean()).as("%s", view).isFalse();
          assertThat(view.get("countExact").asBoolean()).isFalse();
        }
      } finally {
        blocker.rollback();
      }
    }
    // the table free again, the counts are back (the timeout left no transaction behind)
    ResponseEntity<JsonNode> again = get("/api/tickets/views", "operator1");
    assertThat(again.getBody().get(0).get("countKnown").asBoolean()).isTrue();
    assertThat(jdbc.queryForObject("select count(*) >= 0 from sportello.ticket", Boolean.class))
        .isTrue();
  }
}

package it.sportello.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/tickets/search}: each filter, the role rules, paging, sorting and the problems
 * for bad parameters. Each test makes its own requester (a unique surname) and narrows every search
 * to it, so that other tests' tickets never count.
 */
class TicketSearchApiIT extends IntegrationTest {

  private static final ZoneId ROME = ZoneId.of("Europe/Rome");

  @Autowired JdbcTemplate jdbc;

  private String surname;
  private String fiscalCode;
  private String email;
  private final List<String> numbers = new ArrayList<>();

  @BeforeEach
  void threeTicketsOfOneRequester() {
    surname = "Zq" + letters(8);
    fiscalCode = fiscalCode();
    email = surname.toLowerCase() + "@example.it";
    numbers.clear();
    numbers.add(open("Pagamento TARI non registrato " + surname, "WEB"));
    numbers.add(open("Richiesta certificato di residenza", "EMAIL"));
    numbers.add(open("Rimborso pagamenti doppi della mensa", "PHONE"));
  }

  @Test
  void numberFindsExactlyThatTicketWhateverTheCase() {
    JsonNode page = search("operator1", "number=" + numbers.get(1).toLowerCase());
    assertThat(page.get("items").findValuesAsText("number")).containsExactly(numbers.get(1));
    assertThat(page.get("total").asLong()).isEqualTo(1);
    assertThat(page.get("totalExact").asBoolean()).isTrue();
  }

  @Test
  void freeTextMatchesInflectedWordsOfSubjectAndDescription() {
    // other forms of the words, through the Italian stemmer: "registrata" finds "registrato",
    // "rimborsi" finds "Rimborso"
    assertThat(numbers(search("operator1", "requester=" + surname + "&q=registrata")))
        .containsExactly(numbers.get(0));
    assertThat(numbers(search("operator1", "requester=" + surname + "&q=rimborsi")))
        .containsExactly(numbers.get(2));
    // the unique word of one subject
    assertThat(numbers(search("operator1", "q=" + surname))).containsExactly(numbers.get(0));
    // a word of the description ("Ho pagato la TARI ma risulto ancora debitore.")
    assertThat(numbers(search("operator1", "requester=" + surname + "&q=debitore"))).hasSize(3);
    assertThat(numbers(search("operator1", "requester=" + surname + "&q=certificato residenza")))
        .containsExactly(numbers.get(1));
  }

  @Test
  void requesterFiscalCodeAndEmailFindTheRequestersTickets() {
    assertThat(numbers(search("operator1", "requester=" + surname.substring(0, 6).toLowerCase())))
        .containsExactlyInAnyOrderElementsOf(numbers);
    assertThat(numbers(search("operator2", "fiscalCode=" + fiscalCode.toLowerCase())))
        .containsExactlyInAnyOrderElementsOf(numbers);
    assertThat(numbers(search("supervisor", "email=" + email.toUpperCase())))
        .containsExactlyInAnyOrderElementsOf(numbers);
  }

  @Test
  void statusQueueChannelTypeOpenAndBreachedNarrowTheResults() {
    jdbc.update(
        "update sportello.ticket set status = 'WAITING_FOR_REQUESTER', resolution_breached = true,"
            + " taken_in_charge_by = 'operator2' where number = ?",
        numbers.get(1));
    jdbc.update("update sportello.ticket set status = 'CLOSED' where number = ?", numbers.get(2));
    String mine = "requester=" + surname;

    assertThat(numbers(search("operator1", mine + "&status=WAITING_FOR_REQUESTER,CLOSED")))
        .containsExactlyInAnyOrder(numbers.get(1), numbers.get(2));
    assertThat(numbers(search("operator1", mine + "&status=CLOSED&status=OPEN")))
        .containsExactlyInAnyOrder(numbers.get(0), numbers.get(2));
    assertThat(numbers(search("operator1", mine + "&open=true")))
        .containsExactlyInAnyOrder(numbers.get(0), numbers.get(1));
    assertThat(numbers(search("operator1", mine + "&breached=true")))
        .containsExactly(numbers.get(1));
    assertThat(numbers(search("operator1", mine + "&breached=false"))).hasSize(2);
    assertThat(numbers(search("operator1", mine + "&channel=EMAIL")))
        .containsExactly(numbers.get(1));
    String queue =
        jdbc.queryForObject(
            "select queue from sportello.ticket where number = ?", String.class, numbers.get(0));
    assertThat(numbers(search("operator1", mine + "&queue=" + queue))).contains(numbers.get(0));
    assertThat(numbers(search("operator1", mine + "&queue=no-such-queue"))).isEmpty();
    jdbc.update("update sportello.ticket set type = 'PQ' where number = ?", numbers.get(0));
    assertThat(numbers(search("operator1", mine + "&type=PQ"))).containsExactly(numbers.get(0));
    assertThat(numbers(search("operator2", mine + "&mine=true"))).containsExactly(numbers.get(1));
    assertThat(numbers(search("operator1", mine + "&unassigned=true")))
        .containsExactlyInAnyOrder(numbers.get(0), numbers.get(2));

    JsonNode row = search("operator1", "number=" + numbers.get(1)).get("items").get(0);
    assertThat(row.get("requesterName").asText()).isEqualTo("Ottavia " + surname);
    assertThat(row.get("status").asText()).isEqualTo("WAITING_FOR_REQUESTER");
    assertThat(row.get("channel").asText()).isEqualTo("EMAIL");
    assertThat(row.get("breached").asBoolean()).isTrue();
    assertThat(row.get("assignee").asText()).isEqualTo("operator2");
    assertThat(row.get("subject").asText()).isEqualTo("Richiesta certificato di residenza");
  }

  @Test
  void periodIsInDaysOfTheServiceCalendarsZone() {
    // received at 23:30 in Rome on the 1st of last month: the 1st there, the 2nd nowhere
    LocalDate first = LocalDate.now(ROME).minusMonths(1).withDayOfMonth(1);
    OffsetDateTime lateEvening = first.atTime(23, 30).atZone(ROME).toOffsetDateTime();
    jdbc.update(
        "update sportello.ticket set received_at = ? where number = ?",
        lateEvening,
        numbers.get(0));
    String mine = "requester=" + surname;

    assertThat(
            numbers(search("operator1", mine + "&receivedFrom=" + first + "&receivedTo=" + first)))
        .containsExactly(numbers.get(0));
    assertThat(
            numbers(
                search(
                    "operator1",
                    mine
                        + "&receivedFrom="
                        + first.plusDays(1)
                        + "&receivedTo="
                        + first.plusDays(1))))
        .isEmpty();
    assertThat(numbers(search("operator1", mine + "&receivedFrom=" + first.plusDays(1))))
        .containsExactlyInAnyOrder(numbers.get(1), numbers.get(2));
    assertThat(
            OffsetDateTime.parse(
                    search("operator1", "number=" + numbers.get(0))
                        .get("items")
                        .get(0)
                        .get("receivedAt")
                        .asText())
                .toLocalDate())
        .isEqualTo(first);
  }

  @Test
  void sortedByEachColumnBothWaysAndPaged() {
    jdbc.update("update sportello.ticket set priority = 1 where number = ?", numbers.get(2));
    jdbc.update("update sportello.ticket set priority = 5 where number = ?", numbers.get(0));
    jdbc.update("update sportello.ticket set priority = 3 where number = ?", numbers.get(1));
    String mine = "requester=" + surname;

    assertThat(numbers(search("operator1", mine + "&sort=number")))
        .containsExactlyElementsOf(numbers);
    assertThat(numbers(search("operator1", mine + "&sort=-number")))
        .containsExactlyElementsOf(reversed(numbers));
    assertThat(numbers(search("operator1", mine + "&sort=priority")))
        .containsExactly(numbers.get(2), numbers.get(1), numbers.get(0));
    assertThat(numbers(search("operator1", mine + "&sort=-received")))
        .containsExactlyElementsOf(reversed(numbers));
    assertThat(search("operator1", mine + "&sort=-due").get("sort").asText()).isEqualTo("-due");
    assertThat(numbers(search("operator1", mine + "&sort=status"))).hasSize(3);

    JsonNode first = search("operator1", mine + "&sort=number&size=2&page=0");
    JsonNode second = search("operator1", mine + "&sort=number&size=2&page=1");
    assertThat(numbers(first)).containsExactly(numbers.get(0), numbers.get(1));
    assertThat(numbers(second)).containsExactly(numbers.get(2));
    assertThat(first.get("total").asLong()).isEqualTo(3);
    assertThat(second.get("total").asLong()).isEqualTo(3);
  }

  @Test
  void officesFindOnlyTheTicketsAssignedToThemAndNeverByPersonalData() {
    long id =
        jdbc.queryForObject(
            "select id from sportello.ticket where number = ?", Long.class, numbers.get(0));
    jdbc.update(
        "insert into sportello.ticket_event (ticket_id, occurred_at, kind, office) values (?, now(),"
            + " 'OFFICE_ASSIGNED', 'office-tributi')",
        id);

    assertThat(numbers(search("office1", "requester=" + surname))).containsExactly(numbers.get(0));
    assertThat(get("/api/tickets/search?fiscalCode=" + fiscalCode, "office1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("/api/tickets/search?email=" + email, "office1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    for (String user : List.of("auditor", "manager1", "analyst", "api-client", "secretariat1")) {
      assertThat(get("/api/tickets/search?q=tari", user).getStatusCode())
          .as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(get("/api/tickets/search?q=tari", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void freeTextCountsStopAtTwoHundredAsAtLeast() {
    // 201 more tickets of this requester with the surname in the subject, straight in the table
    // (closed, received in 2001: out of every other test's period), so 202 match the word
    jdbc.update(
        "insert into sportello.ticket (number, type, channel, status, requester_id, subject,"
            + " description, language, current_level, received_at, closed_at, created_by,"
            + " created_at, updated_at)"
            + " select 'T' || lower(?) || '-' || i, t.type, t.channel, 'CLOSED', t.requester_id,"
            + " 'Copia ' || ?, t.description, t.language, 1, timestamptz '2001-01-01 10:00+01',"
            + " timestamptz '2001-01-02 10:00+01', t.created_by, t.created_at, t.updated_at"
            + " from sportello.ticket t, generate_series(1, 201) i where t.number = ?",
        surname,
        surname,
        numbers.get(0));

    JsonNode page = search("operator1", "q=" + surname);
    assertThat(page.get("items")).hasSize(25);
    assertThat(page.get("total").asLong()).isEqualTo(200);
    assertThat(page.get("totalExact").asBoolean()).isFalse();
    // narrowed below the cap, the count is exact again
    JsonNode narrowed = search("operator1", "q=" + surname + "&receivedFrom=2020-01-01");
    assertThat(numbers(narrowed)).containsExactly(numbers.get(0));
    assertThat(narrowed.get("totalExact").asBoolean()).isTrue();
    // without free text the count goes on to 10,000
    JsonNode all = search("operator1", "fiscalCode=" + fiscalCode);
    assertThat(all.get("total").asLong()).isEqualTo(204);
    assertThat(all.get("totalExact").asBoolean()).isTrue();
    // a saved view with the word counts the same way
    String name = "Parola " + surname;
    assertThat(
            post(
                    "/api/tickets/views",
                    "operator1",
                    Map.of("name", name, "filters", Map.of("q", surname)))
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    JsonNode view = null;
    for (JsonNode candidate : get("/api/tickets/views", "operator1").getBody()) {
      if (name.equals(candidate.get("name").asText())) {
        view = candidate;
      }
    }
    assertThat(view).isNotNull();
    assertThat(view.get("count").asLong()).isEqualTo(200);
    assertThat(view.get("countExact").asBoolean()).isFalse();
  }

  @Test
  void aWordNoTicketHasFindsNothingWithAnExactCount() {
    // a typo of this test's unique word: in no ticket (at 2.5 million tickets the planner takes
    // such a word for a common one; the search reads it through the text index, see TicketSearch)
    String typo = surname + "x";
    JsonNode page = search("operator1", "q=" + typo);
    assertThat(page.get("items")).isEmpty();
    assertThat(page.get("total").asLong()).isZero();
    assertThat(page.get("totalExact").asBoolean()).isTrue();
    // the same for an office, whose reading rule is applied to the matches, and for a name part
    assertThat(search("office1", "q=" + typo).get("total").asLong()).isZero();
    JsonNode byName = search("operator1", "requester=" + typo);
    assertThat(byName.get("items")).isEmpty();
    assertThat(byName.get("totalExact").asBoolean()).isTrue();
    // a saved view with the typo counts 0, exactly
    String name = "Refuso " + surname;
    assertThat(
            post(
                    "/api/tickets/views",
                    "operator1",
                    Map.of("name", name, "filters", Map.of("q", typo)))
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    JsonNode view = null;
    for (JsonNode candidate : get("/api/tickets/views", "operator1").getBody()) {
      if (name.equals(candidate.get("name").asText())) {
        view = candidate;
      }
    }
    assertThat(view).isNotNull();
    assertThat(view.get("count").asLong()).isZero();
    assertThat(view.get("countExact").asBoolean()).isTrue();
  }

  @Test
  void aRareWordIsCountedExactlyAndSortedAndPaged() {
    // 4 more tickets with this test's unique word in the subject, received on known days of 2002
    // (out of every other test's period): with the ticket of @BeforeEach, 5 match the word
    List<String> rare = new ArrayList<>();
    for (int day = 1; day <= 4; day++) {
      String number = "R" + surname.toLowerCase().substring(2) + "-" + day;
      jdbc.update(
          "insert into sportello.ticket (number, type, channel, status, requester_id, subject,"
              + " description, language, current_level, priority, received_at, closed_at,"
              + " created_by, created_at, updated_at)"
              + " select ?, t.type, t.channel, 'CLOSED', t.requester_id, 'Ascensore ' || ?,"
              + " t.description, t.language, 1, ?, timestamptz '2002-03-01 10:00+01' + ? * interval"
              + " '1 day', timestamptz '2002-04-01 10:00+02', t.created_by, t.created_at,"
              + " t.updated_at from sportello.ticket t where t.number = ?",
          number,
          surname,
          5 - day,
          day,
          numbers.get(0));
      rare.add(number);
    }
    // newest first: this test's ticket of today, then the four of 2002 from the last day back
    List<String> newestFirst =
        List.of(numbers.get(0), rare.get(3), rare.get(2), rare.get(1), rare.get(0));

    JsonNode page = search("operator1", "q=" + surname);
    assertThat(numbers(page)).containsExactlyElementsOf(newestFirst);
    assertThat(page.get("total").asLong()).isEqualTo(5);
    assertThat(page.get("totalExact").asBoolean()).isTrue();
    // the other way, by priority (1 to 4, then 5), and a page at a time: the count stays exact on
    // every page
    assertThat(numbers(search("operator1", "q=" + surname + "&sort=received")))
        .containsExactlyElementsOf(reversed(newestFirst));
    jdbc.update("update sportello.ticket set priority = 5 where number = ?", numbers.get(0));
    assertThat(numbers(search("operator1", "q=" + surname + "&sort=priority")))
        .containsExactly(rare.get(3), rare.get(2), rare.get(1), rare.get(0), numbers.get(0));
    JsonNode second = search("operator1", "q=" + surname + "&size=2&page=1");
    assertThat(numbers(second)).containsExactly(rare.get(2), rare.get(1));
    assertThat(second.get("total").asLong()).isEqualTo(5);
    assertThat(second.get("totalExact").asBoolean()).isTrue();
    JsonNode beyond = search("operator1", "q=" + surname + "&size=2&page=5");
    assertThat(beyond.get("items")).isEmpty();
    assertThat(beyond.get("total").asLong()).isEqualTo(5);
    // with another filter, and by a part of the requester's name (3 + 4 tickets), exactly
    assertThat(numbers(search("operator1", "q=" + surname + "&status=CLOSED")))
        .containsExactlyElementsOf(newestFirst.subList(1, 5));
    JsonNode byName = search("operator1", "requester=" + surname.toLowerCase());
    assertThat(byName.get("total").asLong()).isEqualTo(7);
    assertThat(byName.get("totalExact").asBoolean()).isTrue();
    assertThat(numbers(byName).subList(3, 7))
        .containsExactly(rare.get(3), rare.get(2), rare.get(1), rare.get(0));
  }

  @Test
  void badParametersAnswerProblemsNamingTheParameter() {
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("status=LOST", "status");
    bad.put("channel=CARRIER_PIGEON", "channel");
    bad.put("type=Z", "type");
    bad.put("receivedFrom=2026-13-01", "receivedFrom");
    bad.put("receivedFrom=2026-03-02&receivedTo=2026-03-01", "receivedTo");
    bad.put("breached=maybe", "breached");
    bad.put("sort=subject", "sort");
    bad.put("page=-1", "page");
    bad.put("size=1000", "size");
    bad.put("page=500&size=100", "page");
    bad.put("number=12", "number");
    bad.put("fiscalCode=abc", "fiscalCode");
    bad.put("colour=red", "colour");
    bad.forEach(
        (query, field) -> {
          ResponseEntity<JsonNode> response = get("/api/tickets/search?" + query, "operator1");
          assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
          assertThat(response.getHeaders().getContentType().toString())
              .contains("application/problem+json");
          assertThat(response.getBody().get("errors").findValuesAsText("field"))
              .as(query)
              .contains(field);
        });
  }

  private String open(String subject, String channel) {
    Map<String, Object> request = ticketRequest(fiscalCode, subject);
    request.put("channel", channel);
    request.put(
        "requester",
        Map.of("fiscalCode", fiscalCode, "name", "Ottavia " + surname, "email", email));
    ResponseEntity<JsonNode> response = post("/api/tickets", "operator1", request);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return response.getBody().get("number").asText();
  }

  private JsonNode search(String user, String query) {
    ResponseEntity<JsonNode> response = get("/api/tickets/search?" + query, user);
    assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static List<String> numbers(JsonNode page) {
    return page.get("items").findValuesAsText("number");
  }

  private static List<String> reversed(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static String letters(int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return text.toString();
  }
}

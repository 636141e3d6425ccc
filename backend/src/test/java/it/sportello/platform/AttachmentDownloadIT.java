package it.sportello.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.ProcedureTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Attachments are downloaded, never opened as pages of ours (issue 16, item 3): every download
 * answers {@code Content-Disposition: attachment} with an RFC 5987 {@code filename*}, {@code
 * nosniff} and {@code CSP: sandbox}; a file's name is the one its record gave it.
 */
class AttachmentDownloadIT extends ProcedureTestSupport {

  private static final String UNICODE_NAME = "résumé_отчёт.html";
  private static final String ENCODED_NAME =
      "UTF-8''r%C3%A9sum%C3%A9_%D0%BE%D1%82%D1%87%D1%91%D1%82.html";

  @Test
  void theSameBytesInTwoTicketsKeepTheNameEachTicketGaveThem() {
    byte[] bytes = ("Ricevuta di pagamento " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    String first = ticket();
    String second = ticket();

    long firstId = uploadToTicket(first, "ricevuta-maria.txt", bytes);
    long secondId = uploadToTicket(second, "pagamento-luigi.txt", bytes);

    assertThat(secondId).as("stored once by content").isEqualTo(firstId);
    assertThat(download("/api/tickets/" + first + "/documents/" + firstId, "operator1"))
        .satisfies(
            response ->
                assertThat(response.getHeaders().getContentDisposition().getFilename())
                    .isEqualTo("ricevuta-maria.txt"));
    assertThat(download("/api/tickets/" + second + "/documents/" + secondId, "operator1"))
        .satisfies(
            response ->
                assertThat(response.getHeaders().getContentDisposition().getFilename())
                    .isEqualTo("pagamento-luigi.txt"));
    assertThat(get("/api/tickets/" + second + "/documents", "operator1").getBody())
        .singleElement()
        .satisfies(
            attachment ->
                assertThat(attachment.path("fileName").asText()).isEqualTo("pagamento-luigi.txt"));
  }

  @Test
  void anHtmlAttachmentWithANonLatinNameIsDownloadedNeverRendered() {
    byte[] html =
        ("<html><body><script>fetch('/api/me')</script>" + UUID.randomUUID() + "</body></html>")
            .getBytes(StandardCharsets.UTF_8);
    String number = ticket();
    long id = uploadToTicket(number, UNICODE_NAME, html);

    ResponseEntity<byte[]> download =
        download("/api/tickets/" + number + "/documents/" + id, "operator1");

    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download.getBody()).isEqualTo(html);
    assertSafe(download);
    assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo(UNICODE_NAME);
  }

  @Test
  void lettersAndComplaintsDocumentsAndExportsAreAttachmentsToo() {
    byte[] html =
        ("<script>alert(1)</script>" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    String letter = letter();
    ResponseEntity<JsonNode> letterDocument =
        upload(
            "/api/correspondence/" + letter + "/documents",
            "secretariat1",
            "ATTACHMENT",
            UNICODE_NAME,
            html);
    assertThat(letterDocument.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<byte[]> fromLetter =
        download(
            "/api/correspondence/"
                + letter
                + "/documents/"
                + letterDocument.getBody().path("documentId").asLong(),
            "secretariat1");
    assertThat(fromLetter.getBody()).isEqualTo(html);
    assertSafe(fromLetter);

    String complaint = complaint();
    ResponseEntity<JsonNode> evidence =
        upload(
            "/api/complaints/" + complaint + "/documents",
            "secretariat1",
            "EVIDENCE",
            "prova-" + UNICODE_NAME,
            html);
    assertThat(evidence.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(evidence.getBody().path("fileName").asText())
        .as("the complaint's own name for the same bytes")
        .isEqualTo("prova-" + UNICODE_NAME);
    ResponseEntity<byte[]> fromComplaint =
        download(
            "/api/complaints/"
                + complaint
                + "/documents/"
                + evidence.getBody().path("documentId").asLong(),
            "secretariat1");
    assertThat(fromComplaint.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("prova-" + UNICODE_NAME);
    assertThat(fromComplaint.getHeaders().getFirst("Content-Security-Policy")).isEqualTo("sandbox");

    ResponseEntity<byte[]> export = download("/api/correspondence/export.csv", "secretariat1");
    assertThat(export.getHeaders().getContentDisposition().isAttachment()).isTrue();
    assertThat(export.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(export.getHeaders().getFirst("Content-Security-Policy")).isEqualTo("sandbox");
  }

  private static void assertSafe(ResponseEntity<byte[]> download) {
    String disposition = download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
    assertThat(disposition).startsWith("attachment;").contains("filename*=" + ENCODED_NAME);
    assertThat(disposition.chars().allMatch(c -> c >= 0x20 && c < 0x7f))
        .as("the header itself is ASCII: %s", disposition)
        .isTrue();
    assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(download.getHeaders().getFirst("Content-Security-Policy")).isEqualTo("sandbox");
  }

  private ResponseEntity<byte[]> download(String path, String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }

  private long uploadToTicket(String number, String fileName, byte[] bytes) {
    JsonNode document = uploadToTicket(number, "operator1", fileName, bytes);
    assertThat(document.path("fileName").asText()).isEqualTo(fileName);
    return document.path("id").asLong();
  }

  private String ticket() {
    ResponseEntity<JsonNode> response =
        post("/api/tickets", "api-client", ticketRequest(fiscalCode(), "Allegati"));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return response.getBody().path("number").asText();
  }

  private String letter() {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("direction", "INCOMING");
    request.put("subject", "Istanza con allegato");
    request.put("classification", "tributi/rimborsi");
    request.put("correspondent", Map.of("name", "Anna Verdi", "email", "anna@example.it"));
    request.put("office", "office-tributi");
    request.put("sendBy", "EMAIL");
    ResponseEntity<JsonNode> response = post("/api/correspondence", "secretariat1", request);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    return response.getBody().path("letter").path("protocolNumber").asText();
  }

  private String complaint() {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put(
        "supplier",
        Map.of(
            "name",
            "Pulizie Srl",
            "email",
            "pulizie-" + UUID.randomUUID().toString().substring(0, 8) + "@pec.example.it",
            "vatNumber",
            String.valueOf(System.nanoTime() % 100000000000L)));
    request.put("contract", "CIG 12345678AB — servizio di pulizia");
    request.put("description", "Pulizie non eseguite nella sede di via Roma.");
    ResponseEntity<JsonNode> response = post("/api/complaints", "secretariat1", request);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    return response.getBody().path("complaint").path("caseNumber").asText();
  }
}

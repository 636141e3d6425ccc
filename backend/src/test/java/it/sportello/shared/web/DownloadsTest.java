package it.sportello.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

class DownloadsTest {

  @Test
  void anyNameBecomesAnAsciiAttachmentHeaderThatDecodesBackToIt() {
    for (String name :
        new String[] {"istanza.pdf", "résumé_отчёт.html", "a \"quoted\"; name.txt", "模板.docx"}) {
      String header = Downloads.contentDisposition(name);

      assertThat(header).startsWith("attachment;");
      assertThat(header.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as(header).isTrue();
      assertThat(ContentDisposition.parse(header).getFilename()).as(header).isEqualTo(name);
    }
    assertThat(Downloads.contentDisposition("résumé.html"))
        .contains("filename*=UTF-8''r%C3%A9sum%C3%A9.html");
  }

  @Test
  void everyDownloadIsSandboxedAndNotSniffed() {
    HttpHeaders headers = Downloads.headers(null);

    assertThat(ContentDisposition.parse(headers.getFirst(HttpHeaders.CONTENT_DISPOSITION)))
        .satisfies(
            disposition -> {
              assertThat(disposition.isAttachment()).isTrue();
              assertThat(disposition.getFilename()).isEqualTo("document");
              assertThat(disposition.getCharset()).isIn(null, StandardCharsets.UTF_8);
            });
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo("sandbox");
  }
}

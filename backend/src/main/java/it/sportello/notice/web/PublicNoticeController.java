package it.sportello.notice.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.notice.Notice;
import it.sportello.notice.Notices;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The current notices, for everybody (no login): the public KB, the request form, the area. */
@Tag(name = "Public notices", description = "The notice board's current notices, without login")
@RestController
@RequestMapping("/api/public/notices")
class PublicNoticeController {

  private final Notices notices;

  PublicNoticeController(Notices notices) {
    this.notices = notices;
  }

  /**
   * A current notice in one language.
   *
   * @param language the language of {@code title} and {@code body}: the one asked for, or {@code
   *     it} when the notice has no text in it
   */
  record PublicNotice(
      long id,
      String topic,
      Notice.Audience audience,
      Notice.Kind kind,
      String title,
      String body,
      String language,
      Instant validFrom,
      Instant validTo,
      LocalDate deadline) {}

  @Operation(
      summary = "The notices current now",
      description =
          "Published and within their validity; with `topic`, that topic's and those for every"
              + " topic; with `audience`, that audience's and those for all. Texts in `language`"
              + " (it, en, de, fr), else in Italian. Outages first.")
  @GetMapping
  List<PublicNotice> current(
      @RequestParam(defaultValue = "it") String language,
      @RequestParam(required = false) String topic,
      @RequestParam(required = false) Notice.Audience audience) {
    String asked = Notices.LANGUAGES.contains(language) ? language : "it";
    return notices.current(topic, audience).stream()
        .map(
            notice -> {
              boolean has = notice.title().containsKey(asked);
              String shown = has ? asked : "it";
              return new PublicNotice(
                  notice.id(),
                  notice.topic(),
                  notice.audience(),
                  notice.kind(),
                  Notice.in(notice.title(), shown),
                  Notice.in(notice.body(), shown),
                  shown,
                  notice.validFrom(),
                  notice.validTo(),
                  notice.deadline());
            })
        .toList();
  }
}

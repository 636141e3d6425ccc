package it.sportello.platform.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The signed-in user's one event stream: a browser tab opens one and every page listens to it. */
@Tag(name = "Events", description = "One server-sent event stream per browser tab")
@RestController
class UserEventsController {

  private final UserEvents events;

  UserEventsController(UserEvents events) {
    this.events = events;
  }

  @Operation(
      summary = "My events (server-sent events), one stream for every kind",
      description =
          "A `ready` event once subscribed, then: `inbox` (data `changed`: reload the inbox),"
              + " `notification` (data `changed`: reload the notifications; only to the"
              + " notification's users and groups), `screen-pop` (a ScreenPop as JSON: a call"
              + " offered to, answered by or transferred to me), `offer` (`{\"taskId\"}`: read"
              + " `GET /api/me/offer`). A comment line every 25 s keeps the stream alive. With"
              + " `Last-Event-ID` (the browser sends it when it reconnects), the events missed in"
              + " the last two minutes are sent first.")
  @GetMapping(path = "/api/me/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(
      Authentication authentication,
      @Parameter(description = "The id of the last event received, to get those missed")
          @RequestHeader(name = "Last-Event-ID", required = false)
          String lastEventId) {
    return events.open(authentication, lastEventId);
  }
}

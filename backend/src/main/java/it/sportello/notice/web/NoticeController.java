package it.sportello.notice.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.notice.Notice;
import it.sportello.notice.NoticeDraft;
import it.sportello.notice.Notices;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The notice board for the communication office and supervisors: write, publish, withdraw. */
@Tag(name = "Notices", description = "The notice board: staff write, publish and withdraw notices")
@RestController
@RequestMapping("/api/notices")
class NoticeController {

  private final Notices notices;

  NoticeController(Notices notices) {
    this.notices = notices;
  }

  @Operation(summary = "Every notice, the most recently changed first (at most 500)")
  @GetMapping
  List<Notice> list() {
    return notices.all(500);
  }

  @Operation(summary = "One notice")
  @GetMapping("/{id}")
  Notice get(@PathVariable long id) {
    return notices.get(id);
  }

  @Operation(
      summary = "Writes a draft notice",
      description =
          "Texts per language (it, en, de, fr): Italian required, the others fall back to it.")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Notice create(@RequestBody NoticeDraft draft, Principal principal) {
    return notices.create(draft, principal.getName());
  }

  @Operation(summary = "Changes a draft or published notice (409 once withdrawn)")
  @PutMapping("/{id}")
  Notice update(@PathVariable long id, @RequestBody NoticeDraft draft, Principal principal) {
    return notices.update(id, draft, principal.getName());
  }

  @Operation(summary = "Publishes a draft (409 otherwise)")
  @PostMapping("/{id}/publish")
  Notice publish(@PathVariable long id, Principal principal) {
    return notices.publish(id, principal.getName());
  }

  @Operation(summary = "Withdraws a published notice (409 otherwise)")
  @PostMapping("/{id}/withdraw")
  Notice withdraw(@PathVariable long id, Principal principal) {
    return notices.withdraw(id, principal.getName());
  }
}

package it.sportello.citizen.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.citizen.Citizen;
import it.sportello.citizen.CitizenOidcProperties;
import it.sportello.citizen.CitizenUser;
import it.sportello.citizen.Reminders;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The citizen's reminders ("Promemoria"): subscribe and unsubscribe. */
@Tag(name = "Citizen area", description = "A citizen's own requests and contacts (SPID/CIE login)")
@RestController
@RequestMapping("/api/citizen/reminders")
class CitizenReminderController {

  private final Reminders reminders;
  private final CitizenOidcProperties properties;

  CitizenReminderController(Reminders reminders, CitizenOidcProperties properties) {
    this.reminders = reminders;
    this.properties = properties;
  }

  /**
   * @param email where the reminders go; empty: the e-mail of the digital identity
   * @param language it, en, de or fr
   */
  record ReminderSettings(String email, String language) {}

  @Operation(summary = "The citizen's reminder subscriptions")
  @GetMapping
  List<Reminders.Subscription> list(@AuthenticationPrincipal CitizenUser user) {
    return reminders.subscriptions(citizen(user).fiscalCode());
  }

  @Operation(summary = "Reminders of the answers due from the citizen (requests waiting for them)")
  @PutMapping("/answers-due")
  Reminders.Subscription answersDue(
      @AuthenticationPrincipal CitizenUser user, @RequestBody ReminderSettings settings) {
    return reminders.subscribe(
        citizen(user), Reminders.Kind.ANSWER_DUE, null, settings.email(), settings.language());
  }

  @Operation(
      summary = "Reminders of the citizen's call-back appointments",
      description =
          "The working day before each appointment (configurable), in the service calendar's"
              + " zone. An address other than the identity's gets a confirmation link first.")
  @PutMapping("/appointments")
  Reminders.Subscription appointments(
      @AuthenticationPrincipal CitizenUser user, @RequestBody ReminderSettings settings) {
    return reminders.subscribe(
        citizen(user), Reminders.Kind.APPOINTMENT, null, settings.email(), settings.language());
  }

  @Operation(summary = "No more reminders of appointments")
  @DeleteMapping("/appointments")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void noAppointments(@AuthenticationPrincipal CitizenUser user) {
    reminders.unsubscribe(citizen(user).fiscalCode(), Reminders.Kind.APPOINTMENT, null);
  }

  /** The token of the confirmation link. */
  record EmailConfirmation(@NotBlank @Size(max = 100) String token) {}

  record ConfirmedEmail(String email) {}

  @Operation(
      summary = "Confirm a typed e-mail address with the token of the link mailed to it",
      description =
          "Every subscription of the citizen to that address is verified; 404 for a token that is"
              + " not the citizen's (wrong, already used or guessed).")
  @PostMapping("/confirmations")
  ConfirmedEmail confirm(
      @AuthenticationPrincipal CitizenUser user, @Valid @RequestBody EmailConfirmation request) {
    return new ConfirmedEmail(reminders.confirm(citizen(user), request.token()));
  }

  @Operation(summary = "No more reminders of answers due")
  @DeleteMapping("/answers-due")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void noAnswersDue(@AuthenticationPrincipal CitizenUser user) {
    reminders.unsubscribe(citizen(user).fiscalCode(), Reminders.Kind.ANSWER_DUE, null);
  }

  @Operation(
      summary = "A reminder of a current notice's deadline (404: no such notice or deadline)")
  @PutMapping("/notices/{noticeId}")
  Reminders.Subscription notice(
      @AuthenticationPrincipal CitizenUser user,
      @PathVariable long noticeId,
      @RequestBody ReminderSettings settings) {
    return reminders.subscribe(
        citizen(user),
        Reminders.Kind.NOTICE_DEADLINE,
        noticeId,
        settings.email(),
        settings.language());
  }

  @Operation(summary = "No more reminders of this notice's deadline")
  @DeleteMapping("/notices/{noticeId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void noNotice(@AuthenticationPrincipal CitizenUser user, @PathVariable long noticeId) {
    reminders.unsubscribe(citizen(user).fiscalCode(), Reminders.Kind.NOTICE_DEADLINE, noticeId);
  }

  private Citizen citizen(CitizenUser user) {
    return CitizenController.atLeast(user, properties.minimumLevel().read());
  }
}

package it.sportello.rights.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.rights.UserDirectory.DirectoryGroup;
import it.sportello.rights.UserRights;
import it.sportello.rights.UserRights.AccessReview;
import it.sportello.rights.UserRights.RegisterEntry;
import it.sportello.rights.UserRights.ReviewLine;
import it.sportello.rights.UserRights.UserView;
import it.sportello.shared.web.CsvDownload;
import it.sportello.sla.SlaProperties;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(
    name = "Users and rights",
    description =
        "Local users and their roles and groups, managed by administrators: every change with"
            + " its reason in the register of user rights and the audit; the access review")
@Validated
@RestController
@RequestMapping("/api/users")
class UsersController {

  private final UserRights rights;
  private final ZoneId zone;

  UsersController(UserRights rights, SlaProperties sla) {
    this.rights = rights;
    this.zone = sla.calendar().zone();
  }

  /** A new local user, with the roles or groups granted at once. */
  record NewUser(
      @NotBlank @Size(max = 64) String id,
      @Size(max = 100) String firstName,
      @Size(max = 100) String lastName,
      @Email @Size(max = 320) String email,
      @NotBlank @Size(max = 128) String password,
      List<@NotBlank @Size(max = 100) String> groups,
      @NotBlank @Size(max = 1000) String reason) {}

  /** Why (required). */
  record Reason(@NotBlank @Size(max = 1000) String reason) {}

  record NewPassword(
      @NotBlank @Size(max = 128) String password, @NotBlank @Size(max = 1000) String reason) {}

  record GroupChange(
      @NotBlank @Size(max = 100) String group, @NotBlank @Size(max = 1000) String reason) {}

  @Operation(summary = "Local users and users known from their OIDC logins")
  @GetMapping
  List<UserView> users() {
    return rights.users();
  }

  @Operation(summary = "The groups (roles, offices, queues) that may be granted")
  @GetMapping("/groups")
  List<DirectoryGroup> groups() {
    return rights.groups();
  }

  @Operation(
      summary = "Creates a local user",
      description = "The password must pass the password policy (problem details name password).")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  void create(@Valid @RequestBody NewUser user, Principal principal) {
    rights.create(
        principal.getName(),
        user.id(),
        user.firstName(),
        user.lastName(),
        user.email(),
        user.password(),
        user.groups() == null ? List.of() : user.groups(),
        user.reason());
  }

  @Operation(summary = "Disables a local user: their password no longer signs in")
  @PostMapping("/{id}/disable")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void disable(@PathVariable String id, @Valid @RequestBody Reason reason, Principal principal) {
    rights.disable(principal.getName(), id, reason.reason());
  }

  @Operation(summary = "Enables a disabled local user again")
  @PostMapping("/{id}/enable")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void enable(@PathVariable String id, @Valid @RequestBody Reason reason, Principal principal) {
    rights.enable(principal.getName(), id, reason.reason());
  }

  @Operation(summary = "Sets a new password (the password policy applies)")
  @PostMapping("/{id}/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void resetPassword(
      @PathVariable String id, @Valid @RequestBody NewPassword password, Principal principal) {
    rights.resetPassword(principal.getName(), id, password.password(), password.reason());
  }

  @Operation(summary = "Grants a role or group")
  @PostMapping("/{id}/grants")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void grant(@PathVariable String id, @Valid @RequestBody GroupChange change, Principal principal) {
    rights.grant(principal.getName(), id, change.group(), change.reason());
  }

  @Operation(summary = "Revokes a role or group")
  @PostMapping("/{id}/revocations")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(
      @PathVariable String id, @Valid @RequestBody GroupChange change, Principal principal) {
    rights.revoke(principal.getName(), id, change.group(), change.reason());
  }

  @Operation(summary = "The register of user rights, newest first")
  @GetMapping("/register")
  List<RegisterEntry> register(
      @RequestParam(required = false) @Size(max = 64) String user,
      @RequestParam(defaultValue = "200") @Min(1) @Max(5000) int limit) {
    return rights.register(user, limit);
  }

  @Operation(
      summary = "The access review",
      description =
          "Every user, the roles or groups they hold (OIDC users: as of their last login), their"
              + " last login, and whether unused for unusedDays (never logged in counts as unused)")
  @GetMapping("/access-review")
  AccessReview review(@RequestParam(defaultValue = "90") @Min(1) @Max(3650) int unusedDays) {
    return rights.review(unusedDays);
  }

  @Operation(summary = "The access review as CSV (semicolon-separated)")
  @ApiResponse(
      responseCode = "200",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @GetMapping("/access-review.csv")
  void reviewCsv(
      @RequestParam(defaultValue = "90") @Min(1) @Max(3650) int unusedDays,
      HttpServletResponse response)
      throws IOException {
    AccessReview review = rights.review(unusedDays);
    DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    CsvDownload csv =
        CsvDownload.start(
            response,
            "access-review.csv",
            ';',
            List.of(
                "user",
                "local",
                "disabled",
                "roles",
                "last_login",
                "last_login_source",
                "unused_" + unusedDays + "_days"));
    for (ReviewLine line : review.users()) {
      csv.row(
          line.userId(),
          line.local() ? "yes" : "no",
          line.disabled() ? "yes" : "no",
          String.join(",", line.roles()),
          line.lastLoginAt() == null ? "" : format.format(line.lastLoginAt()),
          line.lastLoginSource(),
          line.unused() ? "yes" : "no");
    }
    csv.finish();
  }
}

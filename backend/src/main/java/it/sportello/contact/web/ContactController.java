package it.sportello.contact.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.contact.Contact;
import it.sportello.contact.ContactChange;
import it.sportello.contact.ContactChannel;
import it.sportello.contact.ContactDetails;
import it.sportello.contact.ContactEditor;
import it.sportello.contact.ContactKind;
import it.sportello.contact.ContactRegistry;
import it.sportello.contact.Interaction;
import it.sportello.contact.InteractionLog;
import it.sportello.contact.RequesterData;
import it.sportello.contact.TicketVisibility;
import it.sportello.shared.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Contacts", description = "The contact registry and each requester's history")
@Validated
@RestController
@RequestMapping("/api/contacts")
class ContactController {

  private final ContactRegistry contacts;
  private final InteractionLog interactions;
  private final ContactEditor editor;
  private final TicketVisibility visibility;

  ContactController(
      ContactRegistry contacts,
      InteractionLog interactions,
      ContactEditor editor,
      TicketVisibility visibility) {
    this.visibility = visibility;
    this.contacts = contacts;
    this.interactions = interactions;
    this.editor = editor;
  }

  @Operation(
      summary =
          "Find a requester by fiscal code, VAT number, e-mail or phone (the first one given)")
  @GetMapping
  List<ContactResponse> find(
      @RequestParam(required = false) String fiscalCode,
      @RequestParam(required = false) String vatNumber,
      @RequestParam(required = false) String email,
      @RequestParam(required = false) String phone) {
    return contacts.find(new RequesterData(null, fiscalCode, vatNumber, email, phone)).stream()
        .map(ContactResponse::of)
        .toList();
  }

  @Operation(summary = "A contact of the registry")
  @GetMapping("/{id}")
  ContactResponse contact(@PathVariable long id) {
    return ContactResponse.of(contacts.get(id));
  }

  @Operation(summary = "The requester's history: every interaction on any channel, newest first")
  @GetMapping("/{id}/history")
  PageResponse<InteractionResponse> history(
      @PathVariable long id,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
      Authentication authentication) {
    var found = interactions.history(id, PageRequest.of(page, size));
    // what was said on a ticket outside the reader's need to know (the privacy queue) stays
    // unsaid: the entry keeps its place, time and channel, without its summary
    Set<String> hidden =
        visibility.hidden(
            found.getContent().stream()
                .map(Interaction::getTicketNumber)
                .filter(java.util.Objects::nonNull)
                .toList(),
            authentication);
    return PageResponse.of(
        found,
        interaction ->
            InteractionResponse.of(interaction, !hidden.contains(interaction.getTicketNumber())));
  }

  @Operation(
      summary = "Edit a contact's details (staff with contact rights)",
      description =
          "Replaces every editable field; `version` is the version read, and a contact changed by"
              + " someone else since is refused with 409. Each changed field is traced (who, when,"
              + " old and new value).")
  @PutMapping("/{id}")
  ContactResponse edit(
      @PathVariable long id,
      @Valid @RequestBody EditContactRequest request,
      Authentication authentication) {
    return ContactResponse.of(
        editor.edit(id, request.version(), request.details(), authentication.getName()));
  }

  @Operation(summary = "Who changed which field of the contact, when, from what to what")
  @GetMapping("/{id}/changes")
  PageResponse<ChangeResponse> changes(
      @PathVariable long id,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return PageResponse.of(editor.changes(id, PageRequest.of(page, size)), ChangeResponse::of);
  }

  @Operation(
      summary = "Possible duplicates of the contact",
      description =
          "Contacts with the same fiscal code, VAT number, e-mail, PEC, phone or name, each with"
              + " what it has in common; with `q`, the contacts matching that text instead.")
  @GetMapping("/{id}/duplicates")
  List<LookalikeResponse> duplicates(
      @PathVariable long id, @RequestParam(required = false) @Size(max = 200) String q) {
    return editor.lookalikes(id, q).stream()
        .map(
            lookalike ->
                new LookalikeResponse(ContactResponse.of(lookalike.contact()), lookalike.sameAs()))
        .toList();
  }

  @Operation(
      summary = "Merge a duplicate into this contact",
      description =
          "Moves every ticket, interaction, call, letter and complaint of the duplicate to this"
              + " contact, which takes over the details it lacked; the duplicate is kept, pointing"
              + " here. Traced on both. Merging the same pair again changes nothing.")
  @PostMapping("/{id}/merges")
  ContactMergeResponse merge(
      @PathVariable long id,
      @Valid @RequestBody ContactMergeRequest request,
      Authentication authentication) {
    ContactEditor.MergeResult result =
        editor.merge(id, request.duplicateId(), authentication.getName());
    return new ContactMergeResponse(
        ContactResponse.of(result.contact()), result.alreadyMerged(), result.moved());
  }

  record EditContactRequest(
      @NotNull Long version,
      @NotNull ContactKind kind,
      @Size(max = 200) String name,
      @Pattern(
              regexp = "\\s*([A-Za-z]{6}\\d{2}[A-Za-z]\\d{2}[A-Za-z]\\d{3}[A-Za-z]|\\d{11})?\\s*",
              message =
                  "must be an Italian fiscal code (16 characters, or 11 digits for organisations)")
          String fiscalCode,
      @Pattern(regexp = "\\s*(\\d{11})?\\s*", message = "must be 11 digits") String vatNumber,
      @Email @Size(max = 320) String email,
      @Email @Size(max = 320) String pec,
      @Pattern(regexp = "\\s*(\\+?[0-9 .-]{6,20})?\\s*", message = "must be a phone number")
          String phone,
      @Pattern(regexp = "(it|en|de|fr)?", message = "must be one of it, en, de, fr")
          String preferredLanguage,
      ContactChannel preferredChannel) {

    ContactDetails details() {
      return new ContactDetails(
          kind,
          name,
          fiscalCode,
          vatNumber,
          email == null ? null : email.strip(),
          pec == null ? null : pec.strip(),
          phone,
          preferredLanguage,
          preferredChannel);
    }
  }

  record ContactMergeRequest(@NotNull Long duplicateId) {}

  record ContactMergeResponse(
      ContactResponse contact, boolean alreadyMerged, Map<String, Integer> moved) {}

  record LookalikeResponse(ContactResponse contact, List<String> sameAs) {}

  record ChangeResponse(
      long id,
      Instant changedAt,
      String changedBy,
      String field,
      String oldValue,
      String newValue) {
    static ChangeResponse of(ContactChange change) {
      return new ChangeResponse(
          change.getId(),
          change.getChangedAt(),
          change.getChangedBy(),
          change.getField(),
          change.getOldValue(),
          change.getNewValue());
    }
  }

  record ContactResponse(
      long id,
      String kind,
      String name,
      String fiscalCode,
      String vatNumber,
      String email,
      String phone,
      String pec,
      String preferredLanguage,
      String preferredChannel,
      Long mergedIntoId,
      long version) {
    static ContactResponse of(Contact contact) {
      return new ContactResponse(
          contact.getId(),
          contact.getKind().name(),
          contact.getName(),
          contact.getFiscalCode(),
          contact.getVatNumber(),
          contact.getEmail(),
          contact.getPhone(),
          contact.getPec(),
          contact.getPreferredLanguage(),
          contact.getPreferredChannel() == null ? null : contact.getPreferredChannel().name(),
          contact.getMergedIntoId(),
          contact.getVersion());
    }
  }

  record InteractionResponse(
      long id,
      Instant occurredAt,
      String channel,
      String direction,
      String kind,
      String ticketNumber,
      String summary,
      String recordedBy) {
    /**
     * The interaction; of a ticket the reader may not read ({@code readable} false), when and how,
     * not what.
     */
    static InteractionResponse of(Interaction interaction, boolean readable) {
      return new InteractionResponse(
          interaction.getId(),
          interaction.getOccurredAt(),
          interaction.getChannel(),
          interaction.getDirection().name(),
          interaction.getKind().name(),
          readable ? interaction.getTicketNumber() : null,
          readable ? interaction.getSummary() : null,
          readable ? interaction.getRecordedBy() : null);
    }
  }
}

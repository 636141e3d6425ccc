package it.sportello.contact.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.contact.Contact;
import it.sportello.contact.ContactRegistry;
import it.sportello.contact.Interaction;
import it.sportello.contact.InteractionLog;
import it.sportello.contact.RequesterData;
import it.sportello.shared.web.PageResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

  ContactController(ContactRegistry contacts, InteractionLog interactions) {
    this.contacts = contacts;
    this.interactions = interactions;
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
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    return PageResponse.of(
        interactions.history(id, PageRequest.of(page, size)), InteractionResponse::of);
  }

  record ContactResponse(
      long id,
      String kind,
      String name,
      String fiscalCode,
      String vatNumber,
      String email,
      String phone) {
    static ContactResponse of(Contact contact) {
      return new ContactResponse(
          contact.getId(),
          contact.getKind().name(),
          contact.getName(),
          contact.getFiscalCode(),
          contact.getVatNumber(),
          contact.getEmail(),
          contact.getPhone());
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
    static InteractionResponse of(Interaction interaction) {
      return new InteractionResponse(
          interaction.getId(),
          interaction.getOccurredAt(),
          interaction.getChannel(),
          interaction.getDirection().name(),
          interaction.getKind().name(),
          interaction.getTicketNumber(),
          interaction.getSummary(),
          interaction.getRecordedBy());
    }
  }
}

package it.sportello.contact;

import it.sportello.shared.NotFoundException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the contact a requester already is, by fiscal code, then VAT number, then e-mail (then
 * phone number, when that is all we know: a caller), or registers a new one. Identifiers are unique
 * in the database, so two concurrent first contacts cannot both register.
 */
@Service
public class ContactRegistry {

  private final ContactRepository contacts;
  private final Clock clock;

  /** Who completes a contact with what a request brought (the intake, not a person). */
  static final String INTAKE = "intake";

  private final ContactChangeRepository changes;

  ContactRegistry(ContactRepository contacts, ContactChangeRepository changes, Clock clock) {
    this.contacts = contacts;
    this.changes = changes;
    this.clock = clock;
  }

  /**
   * Fills the contact's missing fields from a request, each filled field recorded in its trail of
   * changes (rectification is traced however the data arrives).
   */
  private void complete(Contact contact, RequesterData data) {
    java.time.Instant now = clock.instant();
    contact
        .complete(data, now)
        .forEach(change -> changes.save(new ContactChange(contact.getId(), change, INTAKE, now)));
  }

  @Transactional
  public Contact identify(RequesterData data) {
    Optional<Contact> sameFiscalCode =
        Optional.ofNullable(data.fiscalCode())
            .flatMap(contacts::findByFiscalCode)
            .map(this::current);
    if (sameFiscalCode.isPresent()) {
      // the person themselves, or the contact their duplicate was merged into
      complete(sameFiscalCode.get(), data);
      return sameFiscalCode.get();
    }
    Optional<Contact> known =
        Optional.<Contact>empty()
            .or(
                () ->
                    Optional.ofNullable(data.vatNumber())
                        .flatMap(contacts::findByVatNumber)
                        .map(this::current))
            .or(
                () ->
                    Optional.ofNullable(data.email())
                        .flatMap(email -> contacts.findByEmail(email).stream().findFirst()))
            .or(
                () ->
                    onlyPhone(data)
                        ? contacts.findTop10ByPhoneOrderByIdAsc(data.phone()).stream().findFirst()
                        : Optional.empty());
    if (known.isPresent()) {
      Contact contact = known.get();
      if (contact.getFiscalCode() != null
          && data.fiscalCode() != null
          && !contact.getFiscalCode().equals(data.fiscalCode())) {
        // Same e-mail, different person: a shared mailbox (family, intermediary). Keep them apart.
        return contacts.save(new Contact(data, clock.instant()));
      }
      complete(contact, data);
      return contact;
    }
    return contacts.save(new Contact(data, clock.instant()));
  }

  /**
   * A requester who said who they are without proving it (the public web form: anyone may type
   * anyone's fiscal code or e-mail). Found by fiscal code or VAT number only, and a contact that
   * exists is never changed by what was declared (no e-mail or fiscal code added to it: that would
   * hand its replies, or the personal area of the person it belongs to, to whoever typed them);
   * otherwise a contact of its own, never joined to another by e-mail or phone.
   */
  @Transactional
  public Contact identifyDeclared(RequesterData data) {
    Optional<Contact> known =
        Optional.ofNullable(data.fiscalCode())
            .flatMap(contacts::findByFiscalCode)
            .or(() -> Optional.ofNullable(data.vatNumber()).flatMap(contacts::findByVatNumber))
            .map(this::current);
    return known.orElseGet(() -> contacts.save(new Contact(data, clock.instant())));
  }

  /** The contact itself or, if it was merged as a duplicate, the contact it was merged into. */
  private Contact current(Contact contact) {
    Contact current = contact;
    for (int hops = 0; current.getMergedIntoId() != null && hops < 10; hops++) {
      current = contacts.findById(current.getMergedIntoId()).orElseThrow();
    }
    return current;
  }

  /** A caller known by number only (a phone call, a voicemail): the contact with that number. */
  private static boolean onlyPhone(RequesterData data) {
    return data.phone() != null
        && data.fiscalCode() == null
        && data.vatNumber() == null
        && data.email() == null;
  }

  /**
   * Who the requester may be, without registering anyone: by fiscal code or VAT number (unique),
   * else by e-mail or phone (possibly shared, so several).
   */
  @Transactional(readOnly = true)
  public List<Contact> find(RequesterData data) {
    if (data.fiscalCode() != null) {
      return contacts.findByFiscalCode(data.fiscalCode()).map(this::current).stream().toList();
    }
    if (data.vatNumber() != null) {
      return contacts.findByVatNumber(data.vatNumber()).map(this::current).stream().toList();
    }
    if (data.email() != null) {
      return contacts.findByEmail(data.email()).stream().limit(10).toList();
    }
    return data.phone() == null ? List.of() : contacts.findTop10ByPhoneOrderByIdAsc(data.phone());
  }

  /**
   * Contacts matching free text typed by an operator: part of the name, or a whole fiscal code, VAT
   * number, e-mail or phone; at most {@code limit}, by name.
   */
  @Transactional(readOnly = true)
  public List<Contact> search(String text, int limit) {
    String needle = text.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "");
    return needle.isEmpty() ? List.of() : contacts.search(needle, Limit.of(limit));
  }

  /**
   * The contacts a citizen who proved their fiscal code with a digital identity is: the contact
   * with that fiscal code (or the one it was merged into) and, when the identity provider vouched
   * for the e-mail ({@code verifiedEmail}, else null), the contacts with that e-mail and no fiscal
   * code of their own. Never a contact with another fiscal code.
   */
  @Transactional(readOnly = true)
  public java.util.Set<Long> ofCitizen(String fiscalCode, String verifiedEmail) {
    java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
    contacts.findByFiscalCode(fiscalCode).map(this::current).ifPresent(c -> ids.add(c.getId()));
    if (verifiedEmail != null) {
      contacts.findByEmail(verifiedEmail.toLowerCase(Locale.ROOT)).stream()
          .filter(c -> c.getFiscalCode() == null && c.getVatNumber() == null)
          .forEach(c -> ids.add(c.getId()));
    }
    return ids;
  }

  /** The contacts with these ids, by id. */
  @Transactional(readOnly = true)
  public Map<Long, Contact> byIds(Collection<Long> ids) {
    return contacts.findAllById(ids).stream().collect(Collectors.toMap(Contact::getId, c -> c));
  }

  @Transactional(readOnly = true)
  public Contact get(long id) {
    return contacts
        .findById(id)
        .orElseThrow(() -> new NotFoundException("No contact with id " + id));
  }
}

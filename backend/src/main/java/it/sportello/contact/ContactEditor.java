package it.sportello.contact;

import it.sportello.shared.ConflictException;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's changes to the registry: a contact's details edited (checked against the version the
 * editor read, every changed field traced), duplicates found and merged into the contact they
 * repeat (everything pointing to the duplicate moved, the duplicate kept as a pointer, traced on
 * both; merging again is a no-op).
 */
@Service
public class ContactEditor {

  private static final int LOOKALIKES = 20;

  private final ContactRepository contacts;
  private final ContactChangeRepository changes;
  private final ContactReferences references;
  private final Clock clock;

  ContactEditor(
      ContactRepository contacts,
      ContactChangeRepository changes,
      ContactReferences references,
      Clock clock) {
    this.contacts = contacts;
    this.changes = changes;
    this.references = references;
    this.clock = clock;
  }

  /**
   * Replaces the editable details of the contact, if it still is at {@code expectedVersion}; a
   * merged duplicate cannot be edited (its successor can).
   */
  @Transactional
  public Contact edit(long id, long expectedVersion, ContactDetails details, String actor) {
    Contact contact = contacts.lock(id).orElseThrow(() -> notFound(id));
    if (contact.getVersion() != expectedVersion) {
      throw new ConflictException(
          409,
          "Someone else changed this contact after you opened it (version "
              + contact.getVersion()
              + ", yours "
              + expectedVersion
              + "). Reload it to see their changes, then edit again.");
    }
    if (contact.getMergedIntoId() != null) {
      throw new ConflictException(
          409,
          "This contact was merged into contact "
              + contact.getMergedIntoId()
              + ": edit that one instead.");
    }
    requireUnique(contact, details);
    Instant now = clock.instant();
    List<Contact.FieldChange> changed = contact.edit(details, now);
    changed.forEach(change -> changes.save(new ContactChange(id, change, actor, now)));
    contacts.flush();
    return contact;
  }

  private void requireUnique(Contact contact, ContactDetails details) {
    List<FieldViolation> taken = new ArrayList<>();
    if (details.fiscalCode() != null
        && !details.fiscalCode().equals(contact.getFiscalCode())
        && contacts.findByFiscalCode(details.fiscalCode()).isPresent()) {
      taken.add(
          new FieldViolation(
              "fiscalCode", "belongs to another contact: merge the two contacts instead"));
    }
    if (details.vatNumber() != null
        && !details.vatNumber().equals(contact.getVatNumber())
        && contacts.findByVatNumber(details.vatNumber()).isPresent()) {
      taken.add(
          new FieldViolation(
              "vatNumber", "belongs to another contact: merge the two contacts instead"));
    }
    if (!taken.isEmpty()) {
      throw new InvalidRequestException(taken);
    }
  }

  /** The trail of the contact's changes, newest first. */
  @Transactional(readOnly = true)
  public Page<ContactChange> changes(long id, Pageable pageable) {
    contacts.findById(id).orElseThrow(() -> notFound(id));
    return changes.findByContactIdOrderByChangedAtDescIdDesc(id, pageable);
  }

  /** A contact that may be a duplicate of another, and what they have in common. */
  public record Lookalike(Contact contact, List<String> sameAs) {}

  /**
   * Contacts that may be the same as this one (same fiscal code, VAT number, e-mail, PEC, phone or
   * name), or, with {@code text}, those matching it as the registry's search does; never this one
   * nor merged ones.
   */
  @Transactional(readOnly = true)
  public List<Lookalike> lookalikes(long id, String text) {
    Contact contact = contacts.findById(id).orElseThrow(() -> notFound(id));
    List<Contact> found;
    if (text != null && !text.isBlank()) {
      String needle = text.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "");
      found =
          contacts.search(needle, Limit.of(LOOKALIKES + 1)).stream()
              .filter(other -> other.getId() != id)
              .toList();
    } else {
      found =
          contacts.lookalikes(
              id,
              orEmpty(contact.getFiscalCode()),
              orEmpty(contact.getVatNumber()),
              orEmpty(contact.getEmail()),
              orEmpty(contact.getPec()),
              orEmpty(contact.getPhone()),
              orEmpty(
                  contact.getName() == null ? null : contact.getName().toLowerCase(Locale.ROOT)),
              Limit.of(LOOKALIKES));
    }
    return found.stream()
        .limit(LOOKALIKES)
        .map(other -> new Lookalike(other, sameAs(contact, other)))
        .toList();
  }

  private static List<String> sameAs(Contact one, Contact other) {
    List<String> same = new ArrayList<>();
    if (equalIgnoringCase(one.getFiscalCode(), other.getFiscalCode())
        || equalIgnoringCase(one.getFiscalCode(), other.getVatNumber())) same.add("fiscalCode");
    if (equalIgnoringCase(one.getVatNumber(), other.getVatNumber())
        || equalIgnoringCase(one.getVatNumber(), other.getFiscalCode())) same.add("vatNumber");
    if (equalIgnoringCase(one.getEmail(), other.getEmail())
        || equalIgnoringCase(one.getEmail(), other.getPec())) same.add("email");
    if (equalIgnoringCase(one.getPec(), other.getPec())
        || equalIgnoringCase(one.getPec(), other.getEmail())) same.add("pec");
    if (Objects.equals(one.getPhone(), other.getPhone()) && one.getPhone() != null)
      same.add("phone");
    if (equalIgnoringCase(one.getName(), other.getName())) same.add("name");
    return same;
  }

  private static boolean equalIgnoringCase(String one, String other) {
    return one != null && one.equalsIgnoreCase(other);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  /** What a merge did: the contact kept, and how many rows of each kind moved to it. */
  public record MergeResult(Contact contact, boolean alreadyMerged, Map<String, Integer> moved) {}

  /**
   * Merges {@code duplicateId} into {@code keptId}: every ticket, interaction, call, letter and
   * complaint of the duplicate moves to the kept contact, which takes over what it did not know
   * (traced), and the duplicate points to it for good (traced). Merging the same pair again changes
   * nothing.
   */
  @Transactional
  public MergeResult merge(long keptId, long duplicateId, String actor) {
    if (keptId == duplicateId) {
      throw new InvalidRequestException("duplicateId", "is the contact itself");
    }
    // lock both in id order, so that two merges of the same pair cannot deadlock
    Contact first = contacts.lock(Math.min(keptId, duplicateId)).orElse(null);
    Contact second = contacts.lock(Math.max(keptId, duplicateId)).orElse(null);
    Contact kept = keptId < duplicateId ? first : second;
    Contact duplicate = keptId < duplicateId ? second : first;
    if (kept == null) {
      throw notFound(keptId);
    }
    if (duplicate == null) {
      throw new InvalidRequestException("duplicateId", "no contact with id " + duplicateId);
    }
    if (Objects.equals(duplicate.getMergedIntoId(), keptId)) {
      return new MergeResult(kept, true, Map.of());
    }
    if (duplicate.getMergedIntoId() != null) {
      throw new ConflictException(
          409,
          "Contact "
              + duplicateId
              + " was already merged into contact "
              + duplicate.getMergedIntoId()
              + ".");
    }
    if (kept.getMergedIntoId() != null) {
      throw new ConflictException(
          409,
          "Contact "
              + keptId
              + " was itself merged into contact "
              + kept.getMergedIntoId()
              + ": merge into that one.");
    }
    Instant now = clock.instant();
    ContactDetails takenOver = duplicate.fillIn(kept);
    // unique identifiers the kept contact takes over leave the duplicate first
    boolean fiscal = kept.getFiscalCode() == null && duplicate.getFiscalCode() != null;
    boolean vat = kept.getVatNumber() == null && duplicate.getVatNumber() != null;
    List<Contact.FieldChange> released = duplicate.releaseIdentifiers(fiscal, vat, now);
    contacts.flush();
    Map<String, Integer> moved = references.move(duplicateId, keptId);
    List<Contact.FieldChange> keptChanges = new ArrayList<>(kept.edit(takenOver, now));
    keptChanges.add(
        new Contact.FieldChange(
            "mergedFrom",
            null,
            duplicateId
                + (moved.isEmpty()
                    ? ""
                    : " ("
                        + moved.entrySet().stream()
                            .map(entry -> entry.getKey() + ": " + entry.getValue())
                            .collect(Collectors.joining(", "))
                        + ")")));
    List<Contact.FieldChange> duplicateChanges = new ArrayList<>(released);
    duplicateChanges.add(duplicate.markMergedInto(keptId, actor, now));
    keptChanges.forEach(change -> changes.save(new ContactChange(keptId, change, actor, now)));
    duplicateChanges.forEach(
        change -> changes.save(new ContactChange(duplicateId, change, actor, now)));
    contacts.flush();
    return new MergeResult(kept, false, moved);
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException("No contact with id " + id);
  }
}

package it.sportello.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A person or organisation that contacts the administration. */
@Entity
@Table(name = "contact")
public class Contact {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private ContactKind kind;

  private String name;

  @Column(name = "fiscal_code")
  private String fiscalCode;

  @Column(name = "vat_number")
  private String vatNumber;

  private String email;
  private String pec;
  private String phone;

  @Column(name = "preferred_language")
  private String preferredLanguage;

  @Enumerated(EnumType.STRING)
  @Column(name = "preferred_channel")
  private ContactChannel preferredChannel;

  @Column(name = "merged_into_id")
  private Long mergedIntoId;

  @Column(name = "merged_at")
  private Instant mergedAt;

  @Column(name = "merged_by")
  private String mergedBy;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Version private long version;

  protected Contact() {}

  Contact(RequesterData data, Instant now) {
    this.kind =
        data.vatNumber() != null || isCompanyFiscalCode(data.fiscalCode())
            ? ContactKind.ORGANISATION
            : ContactKind.PERSON;
    this.createdAt = now;
    complete(data, now);
  }

  /** Fills in what the registry did not know yet; known identifiers are never overwritten. */
  List<FieldChange> complete(RequesterData data, Instant now) {
    List<FieldChange> changes = new ArrayList<>();
    if (name == null) name = change(changes, "name", name, data.name());
    if (fiscalCode == null)
      fiscalCode = change(changes, "fiscalCode", fiscalCode, data.fiscalCode());
    if (vatNumber == null) vatNumber = change(changes, "vatNumber", vatNumber, data.vatNumber());
    if (email == null) email = change(changes, "email", email, data.email());
    if (phone == null) phone = change(changes, "phone", phone, data.phone());
    updatedAt = now;
    return changes;
  }

  /**
   * Staff's edit: every editable field replaced by {@code details}; what changed, field by field
   * (old and new value as text), in the order of {@link ContactDetails}'s components.
   */
  List<FieldChange> edit(ContactDetails details, Instant now) {
    List<FieldChange> changes = new ArrayList<>();
    kind = change(changes, "kind", kind, details.kind());
    name = change(changes, "name", name, details.name());
    fiscalCode = change(changes, "fiscalCode", fiscalCode, details.fiscalCode());
    vatNumber = change(changes, "vatNumber", vatNumber, details.vatNumber());
    email = change(changes, "email", email, details.email());
    pec = change(changes, "pec", pec, details.pec());
    phone = change(changes, "phone", phone, details.phone());
    preferredLanguage =
        change(changes, "preferredLanguage", preferredLanguage, details.preferredLanguage());
    preferredChannel =
        change(changes, "preferredChannel", preferredChannel, details.preferredChannel());
    if (!changes.isEmpty()) {
      updatedAt = now;
    }
    return changes;
  }

  /** What this contact knows and {@code target} does not: the details target would take over. */
  ContactDetails fillIn(Contact target) {
    return new ContactDetails(
        target.kind,
        target.name != null ? target.name : name,
        target.fiscalCode != null ? target.fiscalCode : fiscalCode,
        target.vatNumber != null ? target.vatNumber : vatNumber,
        target.email != null ? target.email : email,
        target.pec != null ? target.pec : pec,
        target.phone != null ? target.phone : phone,
        target.preferredLanguage != null ? target.preferredLanguage : preferredLanguage,
        target.preferredChannel != null ? target.preferredChannel : preferredChannel);
  }

  /** Gives up a unique identifier that the contact it is merged into takes over. */
  List<FieldChange> releaseIdentifiers(boolean fiscal, boolean vat, Instant now) {
    List<FieldChange> changes = new ArrayList<>();
    if (fiscal) fiscalCode = change(changes, "fiscalCode", fiscalCode, null);
    if (vat) vatNumber = change(changes, "vatNumber", vatNumber, null);
    updatedAt = now;
    return changes;
  }

  /** This contact was a duplicate of {@code target}: it now points there, for good. */
  FieldChange markMergedInto(long target, String actor, Instant now) {
    mergedIntoId = target;
    mergedAt = now;
    mergedBy = actor;
    updatedAt = now;
    return new FieldChange("mergedInto", null, Long.toString(target));
  }

  private static <T> T change(List<FieldChange> changes, String field, T before, T after) {
    if (!Objects.equals(before, after)) {
      changes.add(new FieldChange(field, text(before), text(after)));
    }
    return after;
  }

  private static String text(Object value) {
    return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
  }

  /** One field's change: its name as the API spells it, the old and the new value as text. */
  public record FieldChange(String field, String oldValue, String newValue) {}

  private static boolean isCompanyFiscalCode(String fiscalCode) {
    return fiscalCode != null && fiscalCode.matches("\\d{11}");
  }

  public Long getId() {
    return id;
  }

  public ContactKind getKind() {
    return kind;
  }

  public String getName() {
    return name;
  }

  public String getFiscalCode() {
    return fiscalCode;
  }

  public String getVatNumber() {
    return vatNumber;
  }

  public String getEmail() {
    return email;
  }

  public String getPhone() {
    return phone;
  }

  public String getPec() {
    return pec;
  }

  public String getPreferredLanguage() {
    return preferredLanguage;
  }

  public ContactChannel getPreferredChannel() {
    return preferredChannel;
  }

  /** The contact this one was merged into, if it was a duplicate. */
  public Long getMergedIntoId() {
    return mergedIntoId;
  }

  public Instant getMergedAt() {
    return mergedAt;
  }

  public String getMergedBy() {
    return mergedBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}

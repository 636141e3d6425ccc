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
  private String phone;

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
  void complete(RequesterData data, Instant now) {
    if (name == null) name = data.name();
    if (fiscalCode == null) fiscalCode = data.fiscalCode();
    if (vatNumber == null) vatNumber = data.vatNumber();
    if (email == null) email = data.email();
    if (phone == null) phone = data.phone();
    updatedAt = now;
  }

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

  public Instant getCreatedAt() {
    return createdAt;
  }
}

package it.sportello.ticket.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An office of the administration; its code is the candidate group of its involvement tasks. */
@Entity
@Table(name = "office")
public class Office {

  @Id private String code;
  private String name;
  private String email;

  @Column(name = "name_en")
  private String nameEn;

  @Column(name = "name_de")
  private String nameDe;

  @Column(name = "name_fr")
  private String nameFr;

  protected Office() {}

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  /** The English name, or null (the Italian one is shown). */
  public String getNameEn() {
    return nameEn;
  }

  /** The German name, or null (the Italian one is shown). */
  public String getNameDe() {
    return nameDe;
  }

  /** The French name, or null (the Italian one is shown). */
  public String getNameFr() {
    return nameFr;
  }
}

package it.sportello.ticket.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A work queue; its code is the candidate group of level-1 tasks, its back-office group that of
 * level 2.
 */
@Entity
@Table(name = "queue")
public class Queue {

  @Id private String code;

  @Column(name = "name_it")
  private String nameIt;

  @Column(name = "name_en")
  private String nameEn;

  @Column(name = "back_office_group")
  private String backOfficeGroup;

  @Column(name = "name_de")
  private String nameDe;

  @Column(name = "name_fr")
  private String nameFr;

  protected Queue() {}

  public String getCode() {
    return code;
  }

  public String getNameIt() {
    return nameIt;
  }

  public String getNameEn() {
    return nameEn;
  }

  public String getBackOfficeGroup() {
    return backOfficeGroup;
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

package it.sportello.ticket.domain;

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
}
